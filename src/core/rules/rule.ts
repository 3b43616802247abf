import { CadreRecord, Dataset, Finding, MeetingRecord, ParseProblem, RuleId, SettingKey, Severity, Text } from "../model";
import { CheckContext } from "./context";
import { FieldLabel, ProblemVerdict } from "./problemRule";

/**
 * Where a rule looks, and the function it runs there:
 * - cell: a value the parse step found wrong (a ParseProblem); the rule says how serious and in what words;
 * - cadre, meeting: one row of that table, inside the one loop over its rows;
 * - table: whole tables (groups with hash maps, never compares rows pairwise).
 * A rule sees only the settings it declares: reading another one does not compile.
 */
export interface Runs<K extends SettingKey = SettingKey> {
  cell: (p: ParseProblem, label: FieldLabel) => ProblemVerdict;
  cadre: (c: CadreRecord, ctx: CheckContext<K>, out: Finding[]) => void;
  meeting: (m: MeetingRecord, ctx: CheckContext<K>, out: Finding[]) => void;
  table: (dataset: Dataset, ctx: CheckContext<K>, out: Finding[]) => void;
}

export type Scope = keyof Runs;
export const SCOPES: readonly Scope[] = ["cell", "cadre", "meeting", "table"];

/**
 * One rule, declared once: everything the check, the pane, the command line
 * and docs/RULES.md know about it comes from here. `npm run rules` finds the
 * declarations in src/core/rules and writes the registry, RULE_IDS and
 * docs/RULES.md from them (test/repo/rules.test.ts fails while they are stale).
 */
export interface Rule<K extends SettingKey = SettingKey> {
  readonly id: RuleId;
  /** Every severity its findings can carry, most serious first. */
  readonly severities: readonly Severity[];
  /** A short name, shown beside the id in the findings list. */
  readonly label: Text;
  /** What it checks, in a sentence or two a clerk understands: docs/RULES.md. */
  readonly checks: Text;
  /** What its fix writes, or null when a person must decide. */
  readonly fix: Text | null;
  /** The settings it reads (the Cài đặt tab's boxes that change what it finds). */
  readonly settings: readonly K[];
  /** Its function for each scope it looks at; most rules have one. */
  readonly run: Partial<Runs<K>>;
}

/** Marks a declaration, so the generator tells rules from the other exports of a file. */
const DECLARED = Symbol.for("chibo.rule");

/**
 * Declares a rule. The ids and scopes stay literal in the result's type, so
 * the registry can prove at compile time that every parse problem has its rule.
 */
export function defineRule<const Id extends RuleId, const K extends SettingKey = never, const R extends Partial<Runs<K>> = Partial<Runs<K>>>(
  d: Omit<Rule<K>, "id" | "run"> & { id: Id; run: R },
): Rule<K> & { readonly id: Id; readonly run: R } {
  if (Object.keys(d.run).length === 0) throw new Error(`${d.id}: a rule runs somewhere`);
  return Object.freeze(Object.assign(d, { [DECLARED]: true }));
}

export function isRule(v: unknown): v is Rule {
  return typeof v === "object" && v !== null && (v as Record<symbol, unknown>)[DECLARED] === true;
}

/** The scopes a rule looks at, in SCOPES order. */
export function scopesOf(rule: Rule): Scope[] {
  return SCOPES.filter((s) => rule.run[s] !== undefined);
}
