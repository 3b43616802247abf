import { Dataset, Finding, ProblemCode, RecordBase, TableKind, fieldDef } from "../model";
import { letters } from "./finding";
import { FieldLabel, ProblemRule } from "./problemRule";
import { required } from "./required";
import { typeDate, typeInteger, typeNumber } from "./typeValue";
import { enumValue } from "./enumValue";
import { textSpaces } from "./textSpaces";
import { legacyEncoding } from "./legacyEncoding";
import { unicodeForm } from "./unicodeForm";

/** Every ParseProblem code has its rule; the Record type makes a new code fail to compile until it has one. */
export const PROBLEM_RULES: Record<ProblemCode, ProblemRule> = {
  "required": required,
  "type/date": typeDate,
  "type/integer": typeInteger,
  "type/number": typeNumber,
  "enum": enumValue,
  "text/spaces": textSpaces,
  "text/legacy-encoding": legacyEncoding,
  "text/unicode-form": unicodeForm,
};

function labelFor(kind: TableKind, field: string, cache: Map<string, FieldLabel>): FieldLabel {
  // Fields of different tables share keys ("cell", "commune") but not labels, hence the kind prefix.
  const key = kind === "meetings" ? field : kind + "." + field;
  let label = cache.get(key);
  if (!label) {
    try {
      const def = fieldDef(kind, field);
      label = { vi: def.labelVi, en: def.labelEn };
    } catch {
      // A field the contract does not know (a newer parser): its key is still a usable name.
      label = { vi: field, en: field };
    }
    cache.set(key, label);
  }
  return label;
}

function problemsOf(kind: TableKind, records: readonly RecordBase<string>[], cache: Map<string, FieldLabel>, out: Finding[]): void {
  for (const rec of records) {
    if (rec.problems.length === 0) continue;
    for (const p of rec.problems) {
      const verdict = PROBLEM_RULES[p.code](p, labelFor(kind, p.field, cache));
      // Built directly rather than through makeFinding: a province has tens of thousands of these.
      const column = letters(p.col);
      out.push({
        rule: p.code, severity: verdict.severity, sheet: rec.sheet, address: column + rec.row, row: rec.row, column,
        value: p.value, message: verdict.message, messageEn: verdict.messageEn, fix: verdict.fix,
      });
    }
  }
}

/** The cell rules: one finding per problem the parse step recorded, in every table. */
export function checkCellProblems(dataset: Dataset, out: Finding[]): void {
  const cache = new Map<string, FieldLabel>();
  problemsOf("cells", dataset.cells, cache, out);
  problemsOf("cadres", dataset.cadres, cache, out);
  problemsOf("meetings", dataset.meetings, cache, out);
  problemsOf("communes", dataset.communes, cache, out);
}
