import { SheetData, defaultSettings, day } from "../model";
import { fold } from "../text/fold";
import { understand } from "../understand";
import { checkDataset } from "../rules";
import { generateSample, PLANTED_RULES, sampleFingerprint, SAMPLE_VERSION, SHEET_CADRES, SHEET_CELLS, SHEET_MEETINGS } from "./index";
import { hashWorkbook } from "./fingerprint";
import { createRng } from "./prng";

const sheet = (s: { workbook: { sheets: SheetData[] } }, name: string) => s.workbook.sheets.find((x) => x.name === name)!;
/** Data rows of a sample sheet: those that start with an STT number. */
const dataRows = (sh: SheetData) => sh.values.filter((r) => typeof r[0] === "number");

describe("prng", () => {
  it("repeats for a seed and stays in range", () => {
    const a = createRng(5), b = createRng(5);
    const xs = Array.from({ length: 50 }, () => a.int(1, 6));
    expect(xs).toEqual(Array.from({ length: 50 }, () => b.int(1, 6)));
    expect(xs.every((x) => x >= 1 && x <= 6)).toBe(true);
    expect(new Set(xs).size).toBe(6);
  });
});

describe("generateSample (commune)", () => {
  const clean = generateSample({ size: "commune", seed: 11, defects: false });

  it("is deterministic: same seed, same workbook; another seed, another one", () => {
    expect(generateSample({ size: "commune", seed: 11, defects: false }).workbook).toEqual(clean.workbook);
    expect(generateSample({ size: "commune", seed: 12, defects: false }).workbook).not.toEqual(clean.workbook);
  });

  it("has the sheets users have, with titles and a two-row merged cadre header", () => {
    expect(clean.workbook.sheets.map((s) => s.name)).toEqual(["Danh sách xã", "Chi bộ", "Cán bộ", "Sinh hoạt"]);
    const cadres = sheet(clean, SHEET_CADRES);
    expect(String(cadres.values[0][0])).toMatch(/^ĐẢNG BỘ (XÃ|PHƯỜNG) /);
    expect(cadres.values[3][9]).toBe("Trình độ");
    expect(cadres.values[4].slice(9, 11)).toEqual(["Chuyên môn", "LLCT"]);
    expect(cadres.merges).toContain("J4:K4");
    expect(cadres.merges).toContain("B4:B5");
    expect(cadres.columnFormats?.[3]).toBe("dd/mm/yyyy");
  });

  it("has 30-60 cells of at least 3 members, each with one secretary and a year of meetings", () => {
    const cells = dataRows(sheet(clean, SHEET_CELLS));
    expect(cells.length).toBeGreaterThanOrEqual(30);
    expect(cells.length).toBeLessThanOrEqual(60);
    expect(cells.every((r) => (r[5] as number) >= 3)).toBe(true);
    const secretaries = dataRows(sheet(clean, SHEET_CADRES)).filter((r) => r[6] === "Bí thư chi bộ").map((r) => r[7]);
    expect(secretaries.sort()).toEqual(cells.map((r) => r[1]).sort());
    const meetings = dataRows(sheet(clean, SHEET_MEETINGS));
    for (const cell of cells) {
      const mine = meetings.filter((m) => m[1] === cell[1]);
      expect(mine.length).toBeGreaterThanOrEqual(12);
      expect(mine.length).toBeLessThanOrEqual(17);
    }
    // Dates come both as serials and as typed text.
    expect(meetings.some((m) => typeof m[3] === "number")).toBe(true);
    expect(meetings.some((m) => typeof m[3] === "string")).toBe(true);
  });

  it("adds up attendance, keeps combined meetings at 120 minutes, and gives every thematic meeting a topic", () => {
    for (const m of dataRows(sheet(clean, SHEET_MEETINGS))) {
      const [, , , , kind, , minutes, total, exempt, present, excused, unexcused, , topic] = m as Array<string | number>;
      expect((present as number) + (excused as number) + (unexcused as number)).toBe((total as number) - (exempt as number));
      expect(minutes).toBeGreaterThanOrEqual(kind === "Thường kỳ kết hợp chuyên đề" ? 120 : 90);
      if (kind !== "Thường kỳ") expect(topic).not.toBe("");
    }
  });

  it("gives no error and no warning under the default rules", () => {
    const u = understand(clean.workbook);
    const findings = checkDataset(u.dataset, u.tables, defaultSettings(day(2026, 11, 23)), { kind: "year", year: 2025 });
    expect(findings.filter((f) => f.severity !== "info")).toEqual([]);
  });
});

describe("generateSample with defects", () => {
  for (const seed of [1, 2]) {
    const planted = generateSample({ size: "commune", seed, defects: true });
    const clean = generateSample({ size: "commune", seed, defects: false });

    // A rule with no planter is simply not in the demo (docs/RULES.md lists those): a new rule fails no test here.
    it(`plants at least two defects of each rule it declares, and of no other (seed ${seed})`, () => {
      expect(PLANTED_RULES.length).toBeGreaterThan(0);
      const tooFew = PLANTED_RULES.filter((rule) => planted.defects.filter((d) => d.rule === rule).length < 2);
      expect(tooFew).toEqual([]);
      const undeclared = planted.defects.filter((d) => !PLANTED_RULES.includes(d.rule)).map((d) => `${d.rule} ${d.sheet}!${d.address}`);
      expect(undeclared).toEqual([]);
      for (const d of planted.defects) expect(d.address).toBe(`${d.column}${d.row}`);
    });

    it(`changes only cells on the defects' rows (seed ${seed})`, () => {
      const rows = new Set(planted.defects.map((d) => `${d.sheet}!${d.row}`));
      planted.workbook.sheets.forEach((s) => {
        const c = clean.workbook.sheets.find((x) => x.name === s.name);
        // A sheet only the planted sample has is a sheet defect of its own.
        if (!c) return expect(planted.defects.some((d) => d.sheet === s.name)).toBe(true);
        s.values.forEach((r, i) => r.forEach((v, j) => {
          if (v !== c.values[i][j]) expect(rows.has(`${s.name}!${i + s.originRow}`)).toBe(true);
        }));
      });
    });

    it(`is found by the rules exactly where it was planted, and nothing else above info (seed ${seed})`, () => {
      const u = understand(planted.workbook);
      const findings = checkDataset(u.dataset, u.tables, defaultSettings(day(2026, 11, 23)), { kind: "year", year: 2025 });
      const key = (rule: string, sh: string, row: number) => `${rule}|${sh}|${row}`;
      const found = new Set(findings.map((f) => key(f.rule, f.sheet, f.row)));
      const missed = planted.defects.filter((d) => !found.has(key(d.rule, d.sheet, d.row)));
      expect(missed).toEqual([]);
      const expected = new Set(planted.defects.map((d) => key(d.rule, d.sheet, d.row)));
      const extra = findings.filter((f) => f.severity !== "info" && !expected.has(key(f.rule, f.sheet, f.row)));
      expect(extra.map((f) => `${f.rule} ${f.sheet}!${f.address}`)).toEqual([]);
    });
  }
});

describe("generateSample (province)", () => {
  const province = generateSample({ size: "province", seed: 1, defects: false });
  it("has the size of a province", () => {
    expect(dataRows(sheet(province, "Danh sách xã")).length).toBe(166);
    const cells = dataRows(sheet(province, SHEET_CELLS)).length;
    const cadres = dataRows(sheet(province, SHEET_CADRES)).length;
    const meetings = dataRows(sheet(province, SHEET_MEETINGS)).length;
    expect(cells).toBeGreaterThan(9300);
    expect(cells).toBeLessThan(9900);
    expect(cadres).toBeGreaterThan(27000);
    expect(cadres).toBeLessThan(31000);
    expect(meetings).toBeGreaterThan(148000);
    expect(meetings).toBeLessThan(162000);
  });
  it("has no two people with the same name and birth year", () => {
    const birthYear = (v: unknown) => (typeof v === "number" ? new Date((v - 25569) * 86400000).getUTCFullYear() : Number(String(v).slice(-4)));
    const seen = new Set<string>();
    const twice: string[] = [];
    for (const r of dataRows(sheet(province, SHEET_CADRES))) {
      const k = `${fold(String(r[1]))}|${birthYear(r[2])}`;
      if (seen.has(k)) twice.push(k);
      seen.add(k);
    }
    expect(twice).toEqual([]);
  });
});

describe("sampleFingerprint (the name of cached sample files)", () => {
  const base = generateSample({ size: "commune", seed: 1, defects: true }).workbook;
  const edited = (edit: (w: typeof base) => void) => {
    const w = structuredClone(base);
    edit(w);
    return hashWorkbook(w);
  };

  it("names what the generator makes today, the same on every call", () => {
    expect(sampleFingerprint()).toMatch(new RegExp(`^v${SAMPLE_VERSION}-[0-9a-f]{8}$`));
    expect(sampleFingerprint()).toBe(`v${SAMPLE_VERSION}-${hashWorkbook(base)}`);
  });

  it("changes with any cell, a cell's type, a sheet's name or a merge, so a changed generator never reads a stale copy", () => {
    const h = hashWorkbook(base);
    const meetings = base.sheets.findIndex((s) => s.name === SHEET_MEETINGS);
    expect(edited((w) => { w.sheets[meetings].values[6][3] = "01/01/2025"; })).not.toBe(h);
    expect(edited((w) => { const v = w.sheets[meetings].values[6][0]; w.sheets[meetings].values[6][0] = String(v); })).not.toBe(h);
    expect(edited((w) => { w.sheets[0].name += " "; })).not.toBe(h);
    expect(edited((w) => { w.sheets[1].merges = [...(w.sheets[1].merges ?? []), "A1:B1"]; })).not.toBe(h);
    expect(edited(() => undefined)).toBe(h);
  });
});
