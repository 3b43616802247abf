import { derivedFiles, findRules, renderRulesDoc, rulesInDemo, staleFiles } from "../../scripts/rules";
import { RULE_IDS, SETTINGS, SETTING_KEYS, day, defaultSettings, type AnySetting, type Period } from "../../src/core/model";
import { RULES, checkDataset, scopesOf } from "../../src/core/rules";
import { PLANTED_RULES, generateSample } from "../../src/core/sample";
import { understand } from "../../src/core/understand";

/**
 * Each rule is declared once (src/core/rules, defineRule); RULE_IDS, the
 * registry the check runs and docs/RULES.md are written from the declarations
 * by `npm run rules`. These tests hold the written files to the declarations,
 * and the declarations to what the rules do.
 */
describe("the rule declarations", () => {
  it("RULE_IDS, the registry and docs/RULES.md are what `npm run rules` writes", () => {
    // Stale means: a rule was added, removed or changed without running `npm run rules`.
    expect(staleFiles(derivedFiles())).toEqual([]);
  });

  it("docs/RULES.md says which rules the demo sample plants, and lists those it does not", () => {
    // What the doc is written from (a generated demo sample) agrees with the sample's own declaration.
    expect([...rulesInDemo()].sort()).toEqual([...PLANTED_RULES].sort());
    const rules = findRules();
    const demoColumn = (doc: string, id: string) => doc.split("\n").find((l) => l.startsWith(`| [\`${id}\`]`))?.split(" | ").pop();
    const all = renderRulesDoc(rules, new Set(RULE_IDS));
    expect(RULE_IDS.filter((id) => demoColumn(all, id) !== "có / yes |")).toEqual([]);
    expect(all).toContain("có lỗi của mọi quy tắc");
    // A rule with no planter yet (a new rule) is said to be missing from the demo, in the table and under it.
    const doc = renderRulesDoc(rules, new Set(RULE_IDS.filter((id) => id !== "meeting/duration" && id !== "sheet/unreadable")));
    expect(RULE_IDS.filter((id) => demoColumn(doc, id) === "chưa / not yet |")).toEqual(["meeting/duration", "sheet/unreadable"]);
    expect(doc).toContain("chưa có lỗi của `meeting/duration`, `sheet/unreadable`:");
    expect(doc).toContain("holds no error yet of `meeting/duration`, `sheet/unreadable`;");
  });

  it("give every rule both labels, what it checks, at least one severity and one scope", () => {
    expect(RULES.map((r) => r.id)).toEqual([...RULE_IDS]);
    for (const r of RULES) {
      const texts = [r.label, r.checks, ...(r.fix ? [r.fix] : [])].flatMap((t) => [t.vi, t.en]);
      expect([r.id, texts.every((t) => t.trim().length > 0), r.severities.length > 0, scopesOf(r).length > 0]).toEqual([r.id, true, true, true]);
    }
  });

  it("leave no setting unread: each is read by a rule that declares it or by the summary", () => {
    const unread = SETTING_KEYS.filter((k) => !(SETTINGS[k] as AnySetting).summary && !RULES.some((r) => (r.settings as readonly string[]).includes(k)));
    expect(unread).toEqual([]);
  });

  it("hold on a sample with planted defects: each finding has a declared severity of its rule, and rules with fixes offer them", () => {
    const byId = new Map(RULES.map((r) => [r.id, r]));
    const year2025: Period = { kind: "year", year: 2025 };
    const wrong: string[] = [];
    const fixedBy = new Set<string>();
    for (const seed of [1, 2, 3]) {
      const { dataset, tables } = understand(generateSample({ size: "commune", seed, defects: true }).workbook);
      for (const f of checkDataset(dataset, tables, defaultSettings(day(2026, 11, 23)), year2025)) {
        const rule = byId.get(f.rule);
        if (!rule?.severities.includes(f.severity)) wrong.push(`${f.rule} ${f.severity} at ${f.sheet}!${f.address}`);
        if (f.fix) fixedBy.add(f.rule);
      }
    }
    expect(wrong).toEqual([]);
    // A rule whose declaration says it has no fix never offers one.
    expect([...fixedBy].filter((id) => byId.get(id as never)?.fix === null)).toEqual([]);
  });
});
