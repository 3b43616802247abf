import { CadreRecord, DayDate, day, formatDay, Text } from "../model";
import { CadreColumn } from "./columns";
import { CommuneIndex, resolveCommune } from "./communes";
import { CADRE_BITS } from "./coverage";
import { AgeRange, CadrePredicates, addToStructure, ageFor, countCadre } from "./cadres";
import { LeftOutLog } from "./leftOut";
import { RowMaker } from "./rows";
import { Tally, compared, notRecorded } from "./tally";
import { TermLog } from "./terms";
import { CadreKey, CadreRow, CadreTable, CadreTableRow, Figure, SecretaryStructure, TOTAL_LABEL_VI, TermInfo } from "./types";

/** Where the previous term's cadres come from, when tables 1 and 2 are compared with it. */
export type PreviousTermSource =
  /** The rows whose Nhiệm kỳ is the term before the latest one in the data. */
  | { from: "terms" }
  /** A sheet of this workbook holding the previous term's roster. */
  | { from: "sheet"; sheet: string }
  /** Another file's roster, read by the host. */
  | { from: "file"; name: string; cadres: readonly CadreRecord[] };

/** One commune's tallies for one table: the current term, and the previous one when compared. */
export interface CadreGroups {
  current: Map<string, Tally>;
  previous: Map<string, Tally>;
  /** The whole previous roster, every commune: the province's previous term, communes merged since included. */
  previousTotal: Tally;
  term: TermInfo;
  /** The previous term's age columns cannot be compared when the years between the terms are unknown. */
  previousAgesUnknown: boolean;
}

const GENDER_BITS = CADRE_BITS.needMask(["gender", "birthYearFemale", "birthYearMale"]);
const BIRTH_BITS = CADRE_BITS.needMask(["birth", "birthYearMale", "birthYearFemale"]);
const ETHNICITY_BITS = CADRE_BITS.needMask("ethnicity");

export interface CadreCountContext {
  index: CommuneIndex;
  log: LeftOutLog;
  columns: readonly CadreColumn[];
  predicates: CadrePredicates;
  at: DayDate;
  plausible: AgeRange;
  withData: Set<string>;
}

/**
 * Counts one table's cadres. With several terms in the data, only the latest
 * term's rows make the main columns (two terms together would count a
 * committee twice); the previous term's rows, or the roster the user named,
 * make "Khóa trước". Other rows are listed in `leftOut`, never dropped silently.
 */
export function countCadreTable(
  rows: readonly CadreRecord[], roster: readonly CadreRecord[], source: PreviousTermSource | null,
  ctx: CadreCountContext, structure: SecretaryStructure | null,
): CadreGroups {
  const n = ctx.columns.length;
  const terms = new TermLog();
  for (const c of rows) terms.note(c.term);
  const years = terms.years();
  const filter = years.length >= 2;
  const currentYear = years[0] ?? null;
  const previousYear = source?.from === "terms" ? (years[1] ?? null) : null;
  const rosterTerms = new TermLog();
  for (const c of roster) rosterTerms.note(c.term);
  const rosterYear = rosterTerms.years()[0] ?? null;
  const prevStart = source === null ? null : source.from === "terms" ? previousYear : rosterYear;
  const shift = currentYear !== null && prevStart !== null ? currentYear - prevStart : null;
  const prevAt = shift === null ? ctx.at : day(ctx.at.y - shift, ctx.at.m, ctx.at.d);

  const current = new Map<string, Tally>();
  const previous = new Map<string, Tally>();
  const previousTotal = new Tally(n);
  const tallyOf = (m: Map<string, Tally>, k: string) => {
    let t = m.get(k);
    if (!t) m.set(k, (t = new Tally(n)));
    return t;
  };
  const count = (c: CadreRecord, isCurrent: boolean) => {
    const k = resolveCommune(ctx.index, c.commune, c.cell);
    if (k === null) { ctx.log.add("cadre/no-commune", c.sheet, c.row); return; }
    const { age, outOfRange } = ageFor(c.birth, isCurrent ? ctx.at : prevAt, ctx.plausible);
    const mask = countCadre(isCurrent ? tallyOf(current, k) : tallyOf(previous, k), c, age, ctx.predicates);
    // A field no column records is a missing column (Summary.notRecorded), not one gap per row.
    if (mask & BIRTH_BITS) {
      if (c.birth === null) ctx.log.add("cadre/no-birth", c.sheet, c.row);
      else if (outOfRange) ctx.log.add("cadre/age-out-of-range", c.sheet, c.row);
    }
    if (mask & GENDER_BITS && c.gender === null) ctx.log.add("cadre/no-gender", c.sheet, c.row);
    if (mask & ETHNICITY_BITS && !c.ethnicity) ctx.log.add("cadre/no-ethnicity", c.sheet, c.row);
    if (isCurrent) {
      ctx.withData.add(k);
      if (structure) addToStructure(structure, c);
    } else {
      countCadre(previousTotal, c, age, ctx.predicates);
    }
  };
  for (const c of rows) {
    const y = filter ? terms.startOf(c.term) : currentYear;
    if (filter && y === null) { ctx.log.add("cadre/no-term", c.sheet, c.row); continue; }
    if (y === currentYear) count(c, true);
    else if (previousYear !== null && y === previousYear) count(c, false);
    else ctx.log.add("cadre/other-term", c.sheet, c.row);
  }
  for (const c of roster) count(c, false);

  const term: TermInfo = { current: currentYear === null ? null : terms.label(currentYear) };
  if (source !== null) {
    const label = source.from === "terms"
      ? (previousYear === null ? null : terms.label(previousYear))
      : roster.length === 0 ? null : rosterYear !== null ? rosterTerms.label(rosterYear) : source.from === "sheet" ? source.sheet : source.name;
    term.previous = { label, source: source.from, agesAt: formatDay(prevAt) };
    if (label === null) term.previous.missing = noPreviousNote(source, term.current);
  }
  return { current, previous, previousTotal, term, previousAgesUnknown: source !== null && shift === null };
}

function noPreviousNote(source: PreviousTermSource, current: string | null): Text {
  if (source.from === "terms") {
    return current === null
      ? { vi: "Không so sánh được: không có cột Nhiệm kỳ và chưa chọn danh sách khóa trước", en: "No comparison: no Term column, and no previous-term roster chosen" }
      : { vi: `Không so sánh được: dữ liệu chỉ có nhiệm kỳ ${current}; hãy chọn danh sách khóa trước`, en: `No comparison: the data holds only the ${current} term; choose the previous term's roster` };
  }
  const where = source.from === "sheet" ? `trang “${source.sheet}”` : `tệp “${source.name}”`;
  const whereEn = source.from === "sheet" ? `sheet “${source.sheet}”` : `file “${source.name}”`;
  return { vi: `Không so sánh được: ${where} không có cán bộ nào của biểu này`, en: `No comparison: ${whereEn} holds no cadre of this table` };
}

const NO_DATA: Text = { vi: "Chưa có số liệu", en: "No data" };
const NO_PREVIOUS_HERE: Text = { vi: "Không có số liệu khóa trước của đơn vị này", en: "No previous-term rows for this commune" };
const AGES_UNKNOWN: Text = {
  vi: "Không so sánh độ tuổi: không rõ nhiệm kỳ của khóa trước hoặc khóa này",
  en: "Ages not compared: the term of one roster is unknown",
};

/** Rows, "Toàn tỉnh" and the term comparison of table 1 or 2. */
export function cadreTable(
  g: CadreGroups, order: readonly string[], name: (k: string) => string, maker: RowMaker<string, CadreKey>,
): CadreTable {
  const compare = g.term.previous !== undefined;
  const ageCols = new Set(maker.columns.flatMap((c, i) => (c.needs.some((need) => (typeof need === "string" ? need === "birth" : need.includes("birth"))) ? [i] : [])));
  const withPrevious = (now: Record<CadreKey, Figure>, before: Record<CadreKey, Figure> | null, missing: Text): Record<CadreKey, Figure> => {
    const out = {} as Record<CadreKey, Figure>;
    maker.columns.forEach((c, i) => {
      const key = c.key as CadreKey;
      const prev = before === null ? notRecorded(missing) : g.previousAgesUnknown && ageCols.has(i) ? notRecorded(AGES_UNKNOWN) : before[key];
      out[key] = compared(now[key], prev, maker.shape(i), "previousTerm");
    });
    return out;
  };
  const shown: Array<{ commune: string; t: Tally }> = [];
  const rows: CadreTableRow[] = order.map((k) => {
    const t = g.current.get(k);
    if (!t) return { commune: name(k), noData: true };
    shown.push({ commune: name(k), t });
    const figures = maker.figures(t);
    if (!compare) return { commune: name(k), figures };
    const p = g.previous.get(k);
    const missing = g.term.previous?.missing ?? NO_PREVIOUS_HERE;
    return { commune: name(k), figures: withPrevious(figures, p ? maker.figures(p) : null, missing) };
  });
  let figures = maker.total(shown, NO_DATA);
  if (compare) {
    const missing = g.term.previous?.missing ?? NO_DATA;
    figures = withPrevious(figures, g.previousTotal.units > 0 ? maker.total([{ commune: TOTAL_LABEL_VI, t: g.previousTotal }], NO_DATA) : null, missing);
  }
  const total: CadreRow = { commune: TOTAL_LABEL_VI, figures };
  return { rows, total, term: g.term };
}

