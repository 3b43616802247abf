import { Dataset, Finding, ProblemCode, RecordBase, TableKind, fieldDef } from "../model";
import { letters } from "./finding";
import { FieldLabel, ProblemRule } from "./problemRule";
import { RULES } from "./registry";

type CellRule = Extract<(typeof RULES)[number], { run: { cell: ProblemRule } }>;
/** A parse problem no rule speaks for, or a cell rule no parse step produces: either breaks the build here. */
type Unmatched = Exclude<ProblemCode, CellRule["id"]> | Exclude<CellRule["id"], ProblemCode>;
const _everyCodeHasItsRule: [Unmatched] extends [never] ? true : Unmatched = true;

/** The cell rules, by the ParseProblem code each speaks for. */
export const PROBLEM_RULES = Object.fromEntries(
  RULES.flatMap((r) => ("cell" in r.run ? [[r.id, r.run.cell]] : [])),
) as Record<ProblemCode, ProblemRule>;

/** Field labels of one table, looked up by field key (no string built per problem: a province has 70,000). */
function labelsOf(kind: TableKind): (field: string) => FieldLabel {
  const cache = new Map<string, FieldLabel>();
  return (field) => {
    let label = cache.get(field);
    if (!label) {
      try {
        const def = fieldDef(kind, field);
        label = def.label;
      } catch {
        // A field the contract does not know (a newer parser): its key is still a usable name.
        label = { vi: field, en: field };
      }
      cache.set(field, label);
    }
    return label;
  };
}

function problemsOf(kind: TableKind, records: readonly RecordBase<string>[], out: Finding[]): void {
  const labelFor = labelsOf(kind);
  for (const rec of records) {
    if (rec.problems.length === 0) continue;
    for (const p of rec.problems) {
      const verdict = PROBLEM_RULES[p.code](p, labelFor(p.field));
      // Built directly rather than through makeFinding: a province has tens of thousands of these.
      const column = letters(p.col);
      out.push({
        rule: p.code, severity: verdict.severity, sheet: rec.sheet, address: column + rec.row, row: rec.row, column,
        value: p.value, message: verdict.message, fix: verdict.fix,
      });
    }
  }
}

/** The cell rules: one finding per problem the parse step recorded, in every table. */
export function checkCellProblems(dataset: Dataset, out: Finding[]): void {
  problemsOf("cells", dataset.cells, out);
  problemsOf("cadres", dataset.cadres, out);
  problemsOf("meetings", dataset.meetings, out);
  problemsOf("communes", dataset.communes, out);
}
