import { CadreRecord, DateOrYear, DayDate, ageAt } from "../model";
import { CadreColumn } from "./columns";
import { CADRE_BITS } from "./coverage";
import { Tally } from "./tally";
import { SecretaryStructure } from "./types";

/** The ages the `cadre/age` rule accepts (settings minAge..maxAge, both included). */
export interface AgeRange {
  min: number;
  max: number;
}

/**
 * A cadre's age on the day ages are measured, or null. An age outside
 * `plausible` (a birth typed as 2015, 1930 or in the future) is an error the
 * office must fix: it would put a child "under 40" or a typo "over 60", so it
 * counts in the total and in no age column, and is reported.
 */
export function ageFor(birth: DateOrYear | null, at: DayDate, plausible: AgeRange): { age: number | null; outOfRange: boolean } {
  if (birth === null) return { age: null, outOfRange: false };
  const age = ageAt(birth, at);
  const outOfRange = age < plausible.min || age > plausible.max;
  return { age: outOfRange ? null : age, outOfRange };
}

/** The share predicates of the columns, by index (null for a plain count), looked up once, not per row. */
export type CadrePredicates = ReadonlyArray<((c: CadreRecord, age: number | null) => boolean) | null>;

export function cadrePredicates(columns: readonly CadreColumn[]): CadrePredicates {
  return columns.map((c) => (c.measure.kind === "share" ? c.measure.counts : null));
}

/** Counts one cadre in its group. A value that could not be read counts as "not in that group". */
export function countCadre(t: Tally, c: CadreRecord, age: number | null, predicates: CadrePredicates): number {
  t.units += 1;
  const mask = CADRE_BITS.maskOf(c);
  t.cover.add(c.sheet, mask);
  for (let i = 0; i < predicates.length; i++) {
    const p = predicates[i];
    if (p !== null && p(c, age)) t.num[i] += 1;
  }
  return mask;
}

export function emptyStructure(): SecretaryStructure {
  return {
    education: { chuaDaoTao: 0, soCap: 0, trungCap: 0, caoDang: 0, daiHocTroLen: 0, unknown: 0 },
    theory: { chuaDaoTao: 0, soCap: 0, trungCap: 0, caoCapCuNhan: 0, unknown: 0 },
  };
}

export function addToStructure(s: SecretaryStructure, c: CadreRecord): void {
  const e = s.education;
  switch (c.education) {
    case "Chưa qua đào tạo": e.chuaDaoTao += 1; break;
    case "Sơ cấp": e.soCap += 1; break;
    case "Trung cấp": e.trungCap += 1; break;
    case "Cao đẳng": e.caoDang += 1; break;
    case "Đại học": case "Thạc sĩ": case "Tiến sĩ": e.daiHocTroLen += 1; break;
    default: e.unknown += 1;
  }
  const t = s.theory;
  switch (c.theory) {
    case "Chưa qua đào tạo": t.chuaDaoTao += 1; break;
    case "Sơ cấp": t.soCap += 1; break;
    case "Trung cấp": t.trungCap += 1; break;
    case "Cao cấp": case "Cử nhân": t.caoCapCuNhan += 1; break;
    default: t.unknown += 1;
  }
}
