/**
 * `npm run rules`: finds every rule declared in src/core/rules (defineRule) and
 * writes what is derived from the declarations:
 * - src/core/model/ruleIds.ts (RULE_IDS, RuleId, RULE_LABELS),
 * - src/core/rules/registry.ts (RULES: the check runs these),
 * - docs/RULES.md (each rule's id, severity, what it checks, its fix, the settings it reads, and whether the demo
 *   sample plants it: found by generating that sample, so a rule with no planter in src/core/sample is listed).
 * `npm run rules -- --check` only says which are stale (test/repo/rules.test.ts does the same).
 * Adding a rule is writing its file and its test, then running this.
 */
import * as fs from "fs";
import * as path from "path";
import { AnySetting, RULE_IDS, SETTINGS, SETTING_KEYS, SettingKey, Severity, Text, formatAgeBands } from "../src/core/model";
import { Rule, SCOPES, Scope, isRule, scopesOf } from "../src/core/rules/rule";
import { DEFAULT_SAMPLE_YEAR, generateSample } from "../src/core/sample";

export const ROOT = path.resolve(__dirname, "..");
const RULES_DIR = path.join(ROOT, "src/core/rules");

export interface Declared {
  rule: Rule;
  /** The module (without extension) and the export that declare it. */
  module: string;
  name: string;
}

/** Every declaration in src/core/rules, in the order of docs/RULES.md: by scope, then as already listed, new ones last. */
export function findRules(): Declared[] {
  const found: Declared[] = [];
  // Only files that declare a rule are loaded: those that run the rules import the registry, which may name a rule
  // just removed.
  const files = fs.readdirSync(RULES_DIR)
    .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts") && fs.readFileSync(path.join(RULES_DIR, f), "utf8").includes("defineRule("))
    .sort();
  for (const file of files) {
    // Found by listing the folder, so each module is loaded by its name at run time.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(path.join(RULES_DIR, file)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) {
      if (isRule(value)) found.push({ rule: value, module: file.replace(/\.ts$/, ""), name });
    }
  }
  const seen = new Map<string, Declared>();
  for (const d of found) {
    const twin = seen.get(d.rule.id);
    if (twin) throw new Error(`${d.rule.id} is declared twice: ${twin.module}.${twin.name} and ${d.module}.${d.name}`);
    seen.set(d.rule.id, d);
  }
  // The ids as listed so far keep their places (the command line groups findings in this order); a new rule goes
  // last among the rules of its scope, so adding one never reorders the others.
  const listed = new Map<string, number>((RULE_IDS as readonly string[]).map((id, i) => [id, i]));
  const rank = (d: Declared) => SCOPES.indexOf(scopesOf(d.rule)[0]);
  return found.sort((a, b) => rank(a) - rank(b) ||
    (listed.get(a.rule.id) ?? Infinity) - (listed.get(b.rule.id) ?? Infinity) ||
    (a.rule.id < b.rule.id ? -1 : a.rule.id > b.rule.id ? 1 : 0));
}

const HEADER = "// Written by `npm run rules` from the rule declarations of src/core/rules (defineRule). Do not edit.\n";

export function renderRuleIds(rules: readonly Declared[]): string {
  const ids = rules.map((d) => `  ${JSON.stringify(d.rule.id)},`).join("\n");
  const labels = rules.map((d) => `  ${JSON.stringify(d.rule.id)}: { vi: ${JSON.stringify(d.rule.label.vi)}, en: ${JSON.stringify(d.rule.label.en)} },`).join("\n");
  return `${HEADER}import type { Text } from "./text";

/** Every rule's id, in the order of docs/RULES.md. */
export const RULE_IDS = [
${ids}
] as const;
export type RuleId = (typeof RULE_IDS)[number];

/** Each rule's short name, as its declaration gives it: plain data, so the pane's page shows it without loading the rules. */
export const RULE_LABELS: Readonly<Record<RuleId, Text>> = {
${labels}
};
`;
}

export function renderRegistry(rules: readonly Declared[]): string {
  const byModule = new Map<string, string[]>();
  for (const d of rules) {
    const names = byModule.get(d.module) ?? [];
    names.push(d.name);
    byModule.set(d.module, names);
  }
  const imports = [...byModule.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([mod, names]) => `import { ${names.sort().join(", ")} } from "./${mod}";`).join("\n");
  return `${HEADER}${imports}

/** Every rule, in the order of docs/RULES.md; the check runs each in the scopes it declares. */
export const RULES = [
${rules.map((d) => `  ${d.name},`).join("\n")}
] as const;
`;
}

const SEVERITY: Record<Severity, Text> = {
  error: { vi: "lỗi", en: "error" },
  warning: { vi: "cảnh báo", en: "warning" },
  info: { vi: "thông tin", en: "info" },
};

const SCOPE: Record<Scope, Text> = {
  cell: { vi: "từng ô", en: "each cell" },
  cadre: { vi: "từng dòng cán bộ", en: "each cadre row" },
  meeting: { vi: "từng buổi sinh hoạt", en: "each meeting row" },
  table: { vi: "cả bảng, giữa các bảng", en: "whole tables, across tables" },
};

function severities(rule: Rule, lang: keyof Text): string {
  return rule.severities.map((s) => SEVERITY[s][lang]).join(lang === "vi" ? " hoặc " : " or ");
}

/** A setting's default as the Cài đặt tab shows it. */
function showDefault(key: SettingKey): string {
  const d = SETTINGS[key] as AnySetting;
  switch (d.kind) {
    case "number": return String(d.fresh()).replace(".", ",");
    case "numbers": return Object.entries(d.fresh()).map(([k, v]) => `${(d.parts as Record<string, Text>)[k].vi} ${v}`).join("; ");
    case "ageBands": return formatAgeBands(d.fresh());
    case "choice": return d.choices.find((c) => c.value === d.fresh())?.label.vi ?? String(d.fresh());
  }
}

/** Table cells hold no pipes or line breaks. */
function cell(s: string): string {
  return s.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

function anchor(id: string): string {
  return id.replace(/[^a-z0-9-]/g, "");
}

/**
 * The rules the demo shows: those planted in the commune sample with defects the demo page and `chibo sample
 * --defects` make (seed 1). Generated rather than read from the sample's tables, so the doc says what the demo holds.
 */
export function rulesInDemo(): ReadonlySet<string> {
  const { defects } = generateSample({ size: "commune", seed: 1, defects: true, year: DEFAULT_SAMPLE_YEAR });
  return new Set(defects.map((d) => d.rule));
}

/** Under the rules' table: which rules the demo does not show yet, or that it shows them all. */
function demoNote(rules: readonly Declared[], inDemo: ReadonlySet<string>): string {
  const missing = rules.filter((d) => !inDemo.has(d.rule.id)).map((d) => `\`${d.rule.id}\``).join(", ");
  const vi = "mẫu có lỗi cài sẵn (trang demo, `chibo sample --defects`)";
  const en = "the sample with planted errors (the demo page, `chibo sample --defects`)";
  const where = "`src/core/sample` (`defects.ts`, `sheetDefects.ts`)";
  return missing === ""
    ? `**Mẫu demo / demo sample:** ${vi} có lỗi của mọi quy tắc. The demo: ${en} holds errors of every rule.`
    : `**Mẫu demo / demo sample:** ${vi} chưa có lỗi của ${missing}: một quy tắc vào mẫu khi có cách cài lỗi trong ${where}. `
      + `The demo: ${en} holds no error yet of ${missing}; a rule is planted once it has an entry in the planters' tables of ${where}.`;
}

export function renderRulesDoc(rules: readonly Declared[], inDemo: ReadonlySet<string>): string {
  const out: string[] = [];
  out.push("<!-- Written by `npm run rules` from the rule declarations of src/core/rules. Do not edit: edit the rule. -->");
  out.push("# Quy tắc kiểm tra / The rules", "");
  out.push("Mỗi phát hiện (finding) mang mã quy tắc, mức độ (lỗi, cảnh báo, thông tin), trang tính và ô, giá trị đọc được, "
    + "lời nhắn tiếng Việt và tiếng Anh, và cách sửa khi sửa được chắc chắn.", "");
  out.push("Every finding carries its rule id, a severity (error: the report would be wrong; warning: probably wrong or "
    + "against guidance; info), the sheet and cell, the value as read, a message in Vietnamese and English, and a fix "
    + "where a certain one exists. This file is generated from the rule declarations in `src/core/rules`; "
    + "`npm run rules` rewrites it, and a test fails while it is stale.", "");
  out.push("| Mã / id | Mức độ / severity | Tên | Name | Sửa / fix | Mẫu demo / demo |", "|---|---|---|---|---|---|");
  for (const { rule } of rules) {
    out.push(`| [\`${rule.id}\`](#${anchor(rule.id)}) | ${severities(rule, "vi")} / ${severities(rule, "en")} | ` +
      `${cell(rule.label.vi)} | ${cell(rule.label.en)} | ${rule.fix ? "có / yes" : "–"} | ${inDemo.has(rule.id) ? "có / yes" : "chưa / not yet"} |`);
  }
  out.push("", demoNote(rules, inDemo), "");
  for (const { rule } of rules) {
    out.push(`## \`${rule.id}\``, "");
    out.push(`**${rule.label.vi}** / **${rule.label.en}**`, "");
    const scopes = scopesOf(rule);
    out.push(`- Mức độ / severity: ${severities(rule, "vi")} / ${severities(rule, "en")}`);
    out.push(`- Xét / looks at: ${scopes.map((s) => SCOPE[s].vi).join(", ")} / ${scopes.map((s) => SCOPE[s].en).join(", ")}`);
    out.push(`- Kiểm tra: ${rule.checks.vi}`);
    out.push(`- Checks: ${rule.checks.en}`);
    out.push(rule.fix ? `- Sửa: ${rule.fix.vi}` : "- Sửa: không có cách sửa tự động; người dùng xem và sửa.");
    out.push(rule.fix ? `- Fix: ${rule.fix.en}` : "- Fix: none automatic; a person looks and decides.");
    if (rule.settings.length > 0) {
      out.push(`- Cài đặt / settings: ${rule.settings.map((k) => `[${(SETTINGS[k] as AnySetting).label.vi}](#cài-đặt--settings) (\`${k}\`)`).join(", ")}`);
    }
    out.push("");
  }
  out.push("## Cài đặt / settings", "");
  out.push("Các giá trị này đổi được ở thẻ Cài đặt; mặc định theo các văn bản hướng dẫn. "
    + "These are changed in the Cài đặt tab; the defaults are the guidance's.", "");
  out.push("| Cài đặt | Setting | Mặc định / default | Quy tắc đọc / read by |", "|---|---|---|---|");
  for (const key of SETTING_KEYS) {
    const d = SETTINGS[key] as AnySetting;
    const readers = rules.filter((r) => (r.rule.settings as readonly string[]).includes(key)).map((r) => `\`${r.rule.id}\``);
    if (d.summary) readers.push("bảng tổng hợp / summary");
    out.push(`| ${cell(d.label.vi)}: ${cell(d.about.vi)} | ${cell(d.label.en)}: ${cell(d.about.en)} | ${cell(showDefault(key))} | ${readers.join(", ")} |`);
  }
  out.push("");
  return out.join("\n");
}

export interface Derived {
  file: string;
  text: string;
}

export function derivedFiles(): Derived[] {
  const rules = findRules();
  return [
    { file: "src/core/model/ruleIds.ts", text: renderRuleIds(rules) },
    { file: "src/core/rules/registry.ts", text: renderRegistry(rules) },
    { file: "docs/RULES.md", text: renderRulesDoc(rules, rulesInDemo()) },
  ];
}

export function staleFiles(derived: readonly Derived[]): string[] {
  return derived.filter((d) => {
    const p = path.join(ROOT, d.file);
    return !fs.existsSync(p) || fs.readFileSync(p, "utf8") !== d.text;
  }).map((d) => d.file);
}

if (require.main === module) {
  const derived = derivedFiles();
  const stale = staleFiles(derived);
  if (process.argv.includes("--check")) {
    if (stale.length > 0) {
      console.error(`Stale: ${stale.join(", ")}. Run: npm run rules`);
      process.exit(1);
    }
  } else {
    for (const d of derived) if (stale.includes(d.file)) fs.writeFileSync(path.join(ROOT, d.file), d.text);
    console.log(stale.length > 0 ? `Written: ${stale.join(", ")}` : "Up to date.");
  }
}
