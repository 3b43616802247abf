/**
 * Issue 7, property-based: whatever a sheet holds, the cell parsers, the text
 * conversions and the whole core (understand -> check -> sum up -> plan) never
 * throw, and every finding points at a cell that exists. Seeds are fixed so a
 * failure is the same on every machine; fast-check prints the seed and the
 * shrunk counterexample when one fails.
 */
import fc from "fast-check";
import { FIELDS, TABLE_KINDS, EXCEL_ERRORS, type CellValue, type SheetData, type WorkbookData } from "../../src/core/model";
import { parseField } from "../../src/core/cells";
import {
  cleanSpaces, detectLegacyEncoding, fold, isDecomposed, legacyToUnicode, toNfc, unicodeToLegacy,
  LEGACY_ENCODINGS, allLowerLetters,
} from "../../src/core/text";
import { understand } from "../../src/core/understand";
import { checkDataset } from "../../src/core/rules";
import { summarize } from "../../src/core/summary";
import { planFindingsSheet, planFormFill, planSummarySheet } from "../../src/core/plan";
import { PERIOD, settings, strayFindings } from "./harness";

const SEED = 20261123;
const params = (numRuns: number) => ({ seed: SEED, numRuns, verbose: 1 as const });

/** Words real sheets hold: every header synonym, enum values and their abbreviations, dates as text, totals. */
const WORDS: string[] = [
  ...TABLE_KINDS.flatMap((k) => FIELDS[k].flatMap((f) => [...f.headers, ...(f.enumDef ? Object.keys(f.enumDef).length ? enumWords(f.enumDef) : [] : [])])),
  "Tổng cộng", "Cộng", "STT", "Nam", "Nữ", "x", "✓", "Có", "Không", "ĐH", "TC", "CC", "SC", "ThS", "Bí thư chi bộ", "Phó Bí thư chi bộ",
  "Thường kỳ", "Chuyên đề", "Tốt", "Khá", "Kém", "15/03/2025", "31/02/1970", "2025-07-01", "1/7/25", "2025", "2025-2030",
  "Chi bộ Thôn 1", "Chi bộ Thôn 2", "Xã Yên Lạc", "Phường Ba Đình", "Hoµng V¨n Nam", "Nguyễn Văn An", " Trần  Thị Bình ",
  "ĐẢNG BỘ XÃ YÊN LẠC", "DANH SÁCH CÁN BỘ", "=1+1", "+84", "-", "@x", "#N/A", "0123", "\u200b", "ﷺ", "🌾", "محمد",
];

function enumWords(def: unknown): string[] {
  // EnumDef's exact shape is the cells engineer's; any string found in it is a fair word to try.
  const out: string[] = [];
  const walk = (v: unknown, depth: number) => {
    if (depth > 4) return;
    if (typeof v === "string") out.push(v);
    else if (Array.isArray(v)) v.forEach((x) => walk(x, depth + 1));
    else if (v && typeof v === "object") Object.entries(v).forEach(([k, x]) => { out.push(k); walk(x, depth + 1); });
  };
  walk(def, 0);
  return out.slice(0, 200);
}

const cellValue: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 2, arbitrary: fc.constant("") },
  { weight: 2, arbitrary: fc.integer({ min: -100_000, max: 3_000_000 }) },
  { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e15, max: 1e15 }) },
  { weight: 1, arbitrary: fc.constantFrom(0, -0, 1, 59, 60, 61, 2958465, 2958466, 1e308, -1e308, Number.MIN_VALUE, 0.5) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constantFrom(...EXCEL_ERRORS) },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
  { weight: 1, arbitrary: fc.fullUnicodeString({ maxLength: 12 }) },
);

/** A rectangle of values, as Excel's range.values always is. */
function grid(maxRows: number, maxCols: number, value: fc.Arbitrary<CellValue>): fc.Arbitrary<CellValue[][]> {
  return fc.tuple(fc.integer({ min: 0, max: maxRows }), fc.integer({ min: 1, max: maxCols })).chain(([r, c]) =>
    fc.array(fc.array(value, { minLength: c, maxLength: c }), { minLength: r, maxLength: r }),
  );
}

/** A header of one table kind's labels (some shuffled, some left out) over random rows: detection gets real work. */
const tableLike: fc.Arbitrary<CellValue[][]> = fc
  .tuple(fc.constantFrom(...TABLE_KINDS), fc.integer({ min: 2, max: 10 }), fc.integer({ min: 0, max: 25 }), fc.boolean())
  .chain(([kind, nCols, nRows, title]) =>
    fc.tuple(
      fc.shuffledSubarray(FIELDS[kind].map((f) => f.headers[Math.min(1, f.headers.length - 1)]), { minLength: Math.min(nCols, FIELDS[kind].length), maxLength: Math.min(nCols, FIELDS[kind].length) }),
      fc.array(fc.array(cellValue, { minLength: nCols + 1, maxLength: nCols + 1 }), { minLength: nRows, maxLength: nRows }),
    ).map(([headers, rows]) => {
      const width = nCols + 1;
      const head: CellValue[] = ["STT", ...headers];
      while (head.length < width) head.push("");
      const out: CellValue[][] = [];
      if (title) out.push(["ĐẢNG BỘ XÃ YÊN LẠC", ...Array(width - 1).fill("")]);
      out.push(head.slice(0, width));
      return out.concat(rows);
    }),
  );

const sheetData: fc.Arbitrary<SheetData> = fc
  .record({
    name: fc.constantFrom("Cán bộ", "Sinh hoạt", "Chi bộ", "Danh sách xã", "Sheet1", "Trang 'lạ' [1]"),
    originRow: fc.integer({ min: 1, max: 6 }),
    originCol: fc.integer({ min: 1, max: 4 }),
    values: fc.oneof(tableLike, grid(12, 8, cellValue)),
    hidden: fc.boolean(),
    mergeAt: fc.option(fc.tuple(fc.nat(20), fc.nat(8), fc.nat(4), fc.nat(2)), { nil: undefined }),
  })
  .map(({ name, originRow, originCol, values, hidden, mergeAt }) => {
    const s: SheetData = { name, originRow, originCol, values, visibility: hidden ? "hidden" : "visible" };
    const rows = values.length;
    const cols = values[0]?.length ?? 0;
    if (mergeAt && rows > 0 && cols > 0) {
      // A merge inside the used range, down a column or across a row, as users make them.
      const top = originRow + (mergeAt[0] % rows);
      const left = originCol + (mergeAt[1] % cols);
      const bottom = Math.min(originRow + rows - 1, top + mergeAt[2]);
      const right = Math.min(originCol + cols - 1, left + mergeAt[3]);
      if (bottom > top || right > left) s.merges = [`${col(left)}${top}:${col(right)}${bottom}`];
    }
    return s;
  });

function col(n: number): string {
  let s = "";
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

const workbook: fc.Arbitrary<WorkbookData> = fc
  .uniqueArray(sheetData, { minLength: 1, maxLength: 4, selector: (s) => s.name })
  .map((sheets) => ({ sheets }));

describe("cell parsers", () => {
  const defs = TABLE_KINDS.flatMap((k) => FIELDS[k]);
  it("read any value for any field without throwing, and a problem always says why", () => {
    fc.assert(
      fc.property(fc.constantFrom(...defs), cellValue, (def, v) => {
        const r = parseField(def, v);
        expect(["value", "blank", "problem"]).toContain(r.kind);
        if (r.kind === "problem") expect(r.problems.length).toBeGreaterThan(0);
        for (const p of r.problems) expect(typeof p.code).toBe("string");
      }),
      params(4000),
    );
  });
});

describe("text conversion", () => {
  const letters = allLowerLetters();
  const vietnamese = fc
    .array(fc.oneof(fc.constantFrom(...letters), fc.constantFrom(...letters.map((l) => l.toUpperCase())), fc.constant(" ")), { maxLength: 30 })
    .map((a) => a.join(""));

  it("fold, NFC, spaces and legacy detection never throw on any text, and fold is idempotent", () => {
    fc.assert(
      fc.property(fc.oneof(fc.fullUnicodeString({ maxLength: 40 }), vietnamese, fc.constantFrom(...WORDS)), (s) => {
        expect(fold(fold(s))).toBe(fold(s));
        expect(isDecomposed(toNfc(s))).toBe(false);
        cleanSpaces(s);
        detectLegacyEncoding(s);
        for (const enc of LEGACY_ENCODINGS) legacyToUnicode(s, enc);
      }),
      params(2000),
    );
  });

  it("Vietnamese text written in a legacy encoding converts back to itself", () => {
    fc.assert(
      fc.property(vietnamese, fc.constantFrom(...LEGACY_ENCODINGS), (text, enc) => {
        // TCVN3 has no capital toned vowels (users switched to the .VnTimeH font), so its round trip is in lower case.
        const s = enc === "tcvn3" ? text.toLowerCase() : text;
        expect(legacyToUnicode(unicodeToLegacy(s, enc), enc)).toBe(s.normalize("NFC"));
      }),
      params(1000),
    );
  });
});

describe("the core on random workbooks", () => {
  it("understand, check, sum up and plan never throw, and every finding points at a cell that exists", () => {
    let findings = 0;
    let tables = 0;
    fc.assert(
      fc.property(workbook, (wb) => {
        const { tables: t, dataset } = understand(wb);
        tables += t.length;
        const found = checkDataset(dataset, t, settings(), PERIOD);
        findings += found.length;
        expect(strayFindings(wb, found)).toEqual([]);
        const summary = summarize(dataset, PERIOD, settings());
        planSummarySheet(summary, { lang: "vi" });
        planFindingsSheet(found, "vi");
        for (const s of wb.sheets) planFormFill(s, summary);
      }),
      params(400),
    );
    // The generator must reach the rules, or the property proves little.
    expect(tables).toBeGreaterThan(50);
    expect(findings).toBeGreaterThan(200);
  });
});
