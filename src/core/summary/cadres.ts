import { AgeBand, CadreRecord, DayDate, RoundingMode, ageAt } from "../model";
import { fold } from "../text/fold";
import { countPct } from "./pct";
import { CadreRow, SecretaryStructure } from "./types";

/** Integer counters for one commune's cadres of one table; turned into a row at the end. */
export interface CadreCounts {
  total: number;
  women: number;
  minority: number;
  under40: number;
  age: number[];
  eduTrungCap: number;
  eduCaoDang: number;
  eduDaiHoc: number;
  theorySoCap: number;
  theoryTrungCap: number;
  theoryCaoCap: number;
  villageHead: number;
  trained: number;
  eHandbook: number;
}

export function emptyCadreCounts(bands: number): CadreCounts {
  return {
    total: 0, women: 0, minority: 0, under40: 0, age: new Array<number>(bands).fill(0),
    eduTrungCap: 0, eduCaoDang: 0, eduDaiHoc: 0, theorySoCap: 0, theoryTrungCap: 0, theoryCaoCap: 0,
    villageHead: 0, trained: 0, eHandbook: 0,
  };
}

export function addCadreCounts(into: CadreCounts, c: CadreCounts): void {
  for (const k of Object.keys(into) as Array<keyof CadreCounts>) {
    if (k === "age") c.age.forEach((n, i) => { into.age[i] += n; });
    else into[k] += c[k];
  }
}

const KINH = "kinh";
const kinhSpellings = new Map<string, boolean>();

/** "Kinh", "kinh", "KINH ": folded once per spelling, as a province repeats a handful of them. */
function isKinh(ethnicity: string): boolean {
  let v = kinhSpellings.get(ethnicity);
  if (v === undefined) {
    v = fold(ethnicity) === KINH;
    if (kinhSpellings.size < 10000) kinhSpellings.set(ethnicity, v);
  }
  return v;
}

/** What one cadre could not give the summary, so the caller can log it. */
export interface CadreGaps {
  birth: boolean;
  /** A birth that gives an age the `cadre/age` rule rejects: counted in the total, in no age column. */
  ageOutOfRange: boolean;
  gender: boolean;
  ethnicity: boolean;
}

/** The ages the `cadre/age` rule accepts (settings minAge..maxAge, both included). */
export interface AgeRange {
  min: number;
  max: number;
}

/**
 * Counts one cadre. A value that could not be read counts as "not in that group", and is reported as a gap.
 * An age outside `plausible` (a birth typed as 2015, 1930 or in the future) is an error the office must fix:
 * it would put a child "under 40" or a typo "over 60", so it is counted in the total and in no age column,
 * and reported, rather than silently filed under a band.
 */
export function countCadre(into: CadreCounts, c: CadreRecord, at: DayDate, bands: readonly AgeBand[], plausible: AgeRange): CadreGaps {
  into.total += 1;
  if (c.gender === "Nữ") into.women += 1;
  if (c.ethnicity && !isKinh(c.ethnicity)) into.minority += 1;
  let ageOutOfRange = false;
  if (c.birth) {
    const age = ageAt(c.birth, at);
    ageOutOfRange = age < plausible.min || age > plausible.max;
  }
  if (c.birth && !ageOutOfRange) {
    const age = ageAt(c.birth, at);
    if (age < 40) into.under40 += 1;
    const i = bands.findIndex((b) => age >= b.min && (b.max === null || age <= b.max));
    if (i >= 0) into.age[i] += 1;
  }
  switch (c.education) {
    case "Trung cấp": into.eduTrungCap += 1; break;
    case "Cao đẳng": into.eduCaoDang += 1; break;
    case "Đại học": case "Thạc sĩ": case "Tiến sĩ": into.eduDaiHoc += 1; break;
    default: break;
  }
  switch (c.theory) {
    case "Sơ cấp": into.theorySoCap += 1; break;
    case "Trung cấp": into.theoryTrungCap += 1; break;
    case "Cao cấp": case "Cử nhân": into.theoryCaoCap += 1; break;
    default: break;
  }
  if (c.villageHead === true) into.villageHead += 1;
  if (c.trained === true) into.trained += 1;
  if (c.eHandbook === true) into.eHandbook += 1;
  return { birth: c.birth === null, ageOutOfRange, gender: c.gender === null, ethnicity: !c.ethnicity };
}

export function cadreRow(commune: string, c: CadreCounts, bands: readonly AgeBand[], mode: RoundingMode): CadreRow {
  const p = (n: number) => countPct(n, c.total, mode);
  const age: Record<string, ReturnType<typeof p>> = {};
  bands.forEach((b, i) => { age[b.key] = p(c.age[i]); });
  return {
    commune,
    total: c.total,
    women: p(c.women),
    minority: p(c.minority),
    under40: p(c.under40),
    age,
    education: { trungCap: p(c.eduTrungCap), caoDang: p(c.eduCaoDang), daiHocTroLen: p(c.eduDaiHoc) },
    theory: { soCap: p(c.theorySoCap), trungCap: p(c.theoryTrungCap), caoCapCuNhan: p(c.theoryCaoCap) },
    villageHead: p(c.villageHead),
    trained: p(c.trained),
    eHandbook: p(c.eHandbook),
  };
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
