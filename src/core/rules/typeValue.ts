import { CellValue, Fix, ParseProblem, Text, formatDay } from "../model";
import { serialToDay } from "../cells/serial";
import { show, showEn } from "./finding";
import { FieldLabel, ProblemRule, ProblemVerdict, excelErrorVerdict, invalidBecause } from "./problemRule";
import { defineRule } from "./rule";

/** What a cell of this type should be ("ngày" / "a date"), and what its fix does. */
interface ValueKind {
  name: Text;
  fix: Text;
  /** A date fix carries the day it writes, so every preview shows the day. */
  isDate: boolean;
}

const DATE: ValueKind = { name: { vi: "ngày", en: "a date" }, fix: { vi: "Ghi thành ngày thật", en: "Write it as a real date" }, isDate: true };
const INTEGER: ValueKind = {
  name: { vi: "số nguyên", en: "a whole number" },
  fix: { vi: "Ghi thành số nguyên thật", en: "Write it as a real whole number" },
  isDate: false,
};
const NUMBER: ValueKind = { name: { vi: "số", en: "a number" }, fix: { vi: "Ghi thành số thật", en: "Write it as a real number" }, isDate: false };

function unreadable(kind: ValueKind): ProblemRule {
  return (p, label) => {
    const excel = excelErrorVerdict(p, label);
    if (excel) return excel;
    if (p.fix !== undefined) return fixable(p, label, p.fix, kind);
    const text = invalidBecause(p, label) ?? {
      message: { vi: `${label.vi} ${show(p.value)} không phải là ${kind.name.vi}.`, en: `${label.en} ${showEn(p.value)} is not ${kind.name.en}.` },
    };
    return { severity: "error", ...text, fix: null };
  };
}

/**
 * The value was read, but written in a way Excel cannot compute with (a date
 * typed as text, a number with a unit): the reading is certain, so it is only
 * info, and the fix writes the real value. The sentence shows the value, as
 * the command line prints the message alone; the fix line is one constant per type.
 */
function fixable(p: ParseProblem, label: FieldLabel, to: CellValue, kind: ValueKind): ProblemVerdict {
  let perKind = last.label === label && last.kind === kind ? last.perKind : undefined;
  if (!perKind) {
    let perLabel = SENTENCES.get(label);
    if (!perLabel) SENTENCES.set(label, (perLabel = new Map()));
    perKind = perLabel.get(kind);
    if (!perKind) perLabel.set(kind, (perKind = new Map()));
    last = { label, kind, perKind };
  }
  // Keyed by the value to write (a serial: a small number hashes fast), checked against the text as typed,
  // since "5/7/1975" and "05/07/1975" write the same date. The whole verdict is shared: findings are
  // read-only data, and a province has tens of thousands of these.
  const cached = typeof to === "number" ? perKind.get(to) : undefined;
  if (cached !== undefined && cached.value === p.value) return cached.verdict;
  const verdict: ProblemVerdict = {
    severity: "info",
    message: {
      vi: `${label.vi} ${show(p.value)} được ghi dạng văn bản, không phải ${kind.name.vi}.`,
      en: `${label.en} ${showEn(p.value)} is written as text, not as ${kind.name.en}.`,
    },
    fix: fixTo(to, kind),
  };
  if (typeof to === "number" && perKind.size < SENTENCE_LIMIT) perKind.set(to, { value: p.value, verdict });
  return verdict;
}

/**
 * Sentences per field label and value: the same meeting date typed as text
 * repeats in every cell that met that day, and a province has tens of
 * thousands of these infos, so each sentence is built once.
 */
interface Sentence {
  value: CellValue;
  verdict: ProblemVerdict;
}
const SENTENCES = new WeakMap<FieldLabel, Map<ValueKind, Map<number, Sentence>>>();
const SENTENCE_LIMIT = 20_000;
/** The last field's sentences: problems come row by row, mostly from the same one or two date columns. */
let last: { label: FieldLabel | null; kind: ValueKind | null; perKind: Map<number, Sentence> | undefined } =
  { label: null, kind: null, perKind: undefined };

/**
 * The fix; a date fix writes a serial, and carries the day it means so every
 * preview shows the day. Date fixes are shared per serial (read-only data):
 * a province's dates typed as text fall on a few thousand days.
 */
function fixTo(to: CellValue, kind: ValueKind): Fix {
  if (!kind.isDate || typeof to !== "number") return { value: to, description: kind.fix };
  let fix = DATE_FIXES.get(to);
  if (!fix) {
    fix = { value: to, description: kind.fix };
    const read = serialToDay(to);
    if (read.kind === "day") fix.valueText = formatDay(read.day);
    if (DATE_FIXES.size < SENTENCE_LIMIT) DATE_FIXES.set(to, fix);
  }
  return fix;
}
const DATE_FIXES = new Map<number, Fix>();

/** `type/date`: the cell cannot be read as a date, or is an Excel error. A date is never guessed. */
export const typeDate = defineRule({
  id: "type/date",
  severities: ["error", "info"],
  label: { vi: "Ngày tháng", en: "Dates" },
  checks: {
    vi: "Giá trị không đọc được thành ngày (như 31/02/1975), hoặc là lỗi công thức Excel (#N/A, #REF!): lỗi. Ngày gõ dạng văn bản mà đọc chắc chắn được: thông tin.",
    en: "The value cannot be read as a date (such as 31/02/1975), or is an Excel error (#N/A, #REF!): an error. A date typed as text that reads with certainty: info.",
  },
  fix: { vi: "Ghi thành ngày thật, khi đọc chắc chắn.", en: "Writes it as a real date, when the reading is certain." },
  settings: [],
  run: { cell: unreadable(DATE) },
});
/** `type/integer`: not a whole number, or outside the field's range. */
export const typeInteger = defineRule({
  id: "type/integer",
  severities: ["error", "info"],
  label: { vi: "Số nguyên", en: "Whole numbers" },
  checks: {
    vi: "Giá trị không phải số nguyên (số người, số phút), hoặc là lỗi công thức Excel: lỗi. Số gõ dạng văn bản hoặc kèm đơn vị (\"25 người\") mà đọc chắc chắn được: thông tin.",
    en: "The value is not a whole number (a count of people, minutes), or is an Excel error: an error. A number typed as text or with a unit (\"25 người\") that reads with certainty: info.",
  },
  fix: {
    vi: "Ghi thành số nguyên thật, khi đọc chắc chắn.",
    en: "Writes it as a real whole number, when the reading is certain.",
  },
  settings: [],
  run: { cell: unreadable(INTEGER) },
});
/** `type/number`: not a number, or outside the field's range (a score above 100). */
export const typeNumber = defineRule({
  id: "type/number",
  severities: ["error", "info"],
  label: { vi: "Số", en: "Numbers" },
  checks: {
    vi: "Giá trị không phải số (như điểm đánh giá), hoặc là lỗi công thức Excel: lỗi. Số gõ dạng văn bản mà đọc chắc chắn được: thông tin.",
    en: "The value is not a number (such as a score), or is an Excel error: an error. A number typed as text that reads with certainty: info.",
  },
  fix: { vi: "Ghi thành số thật, khi đọc chắc chắn.", en: "Writes it as a real number, when the reading is certain." },
  settings: [],
  run: { cell: unreadable(NUMBER) },
});
