import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../src/cli/main";
import { formatText, type FileResult } from "../../src/cli/check";
import { formatInspection, type InspectedFile } from "../../src/cli/inspect";
import { processOutput } from "../../src/cli/common";
import { oneLine, terminalSafe } from "../../src/cli/terminalText";
import { generateSample } from "../../src/core/sample";
import type { Finding } from "../../src/core/model";
import { writeWorkbookFile } from "../../src/xlsx/write";

/** Anything that would act on a terminal: C0 but line feed, DEL, C1, bidi marks, embeddings, overrides and isolates. */
 
const ACTS_ON_TERMINAL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

const HOSTILE = "Nam\u001b[2J\u001b[1;1H\rOK\u0008\u0007\u009b31m\u202e6691\u2066x\u2069";

describe("terminalSafe and oneLine", () => {
  it("turn every control and bidi character into a visible \\uXXXX, keeping the rest", () => {
    expect(terminalSafe(HOSTILE)).toBe("Nam\\u001B[2J\\u001B[1;1H\\u000DOK\\u0008\\u0007\\u009B31m\\u202E6691\\u2066x\\u2069");
    expect(terminalSafe("Xã Yên Hưng\n")).toBe("Xã Yên Hưng\n");
    expect(oneLine("a\nb\tc")).toBe("a\\u000Ab\\u0009c");
    expect(terminalSafe("Tổng hợp ✓ 😀")).toBe("Tổng hợp ✓ 😀");
  });

  it("keep a JSON document exact: it parses to the same values", () => {
    const doc = { value: HOSTILE, sheet: "Cán bộ\u202e", nested: ["\u0085", "\u2028"] };
    const printed = terminalSafe(JSON.stringify(doc, null, 2));
    expect(printed).not.toMatch(ACTS_ON_TERMINAL);
    expect(JSON.parse(printed)).toEqual(doc);
  });

  it("are applied by processOutput to everything printed, not to the progress bar's own returns", () => {
    let written = "";
    const spy = jest.spyOn(process.stdout, "write").mockImplementation((s: string | Uint8Array) => { written += String(s); return true; });
    try {
      processOutput().out(`${HOSTILE}\n`);
    } finally {
      spy.mockRestore();
    }
    expect(written).not.toMatch(ACTS_ON_TERMINAL);
    expect(written.endsWith("\n")).toBe(true);
  });
});

function finding(over: Partial<Finding>): Finding {
  return {
    rule: "cadre/gender", severity: "error", sheet: "Cán bộ", row: 6, column: 4, address: "D6", value: HOSTILE,
    message: { vi: `Giới tính "${HOSTILE}" không hợp lệ`, en: `Gender "${HOSTILE}" is not valid` },
    ...over,
  } as Finding;
}

describe("text reports print nothing a file can abuse", () => {
  it("check: file names, sheet names, messages and fixes", () => {
    const results: FileResult[] = [
      {
        file: "xa\u001b]0;pwned\u0007.xlsx", ok: true, period: { kind: "year", year: 2025 }, periodIsDefault: false, tables: [],
        counts: { error: 1, warning: 0, info: 0 },
        findings: [finding({ sheet: "Cán\rbộ\u202e", fix: { value: "Nam", description: { vi: `Đổi "${HOSTILE}" thành "Nam"`, en: "x\u001b" } } as Finding["fix"] })],
      },
      { file: "hong\n== fake.xlsx", ok: false, error: { vi: "Tệp hong\n== fake.xlsx bị hỏng", en: "broken" } },
    ];
    for (const lang of ["vi", "en"] as const) {
      const text = formatText(results, lang, null);
      expect(text).not.toMatch(ACTS_ON_TERMINAL);
      // A file cannot print a line of its own: only the program's lines start with "==".
      expect(text.split("\n").filter((l) => l.startsWith("=="))).toEqual(["== xa\\u001B]0;pwned\\u0007.xlsx", "== hong\\u000A== fake.xlsx"]);
    }
    expect(formatText(results, "vi", null)).toContain("'Cán\\u000Dbộ\\u202E'!D6  Giới tính \"Nam\\u001B[2J");
  });

  it("inspect: sheet names, headers and the commune of a title", () => {
    const r: InspectedFile = {
      file: "a\u001b[31m.xlsx",
      sheets: [{ name: "Trang\u202e1", visibility: "visible", rows: 3, cols: 2, firstCell: "A1" }, { name: "Cán bộ\r", visibility: "visible", rows: 9, cols: 3, firstCell: "A1" }],
      tables: [{
        kind: "cadres", sheet: "Cán bộ\r", headerRows: [1, 1], dataRowCount: 8, firstDataRow: 2, lastDataRow: 9, skippedRows: [], confidence: 0.9, source: "detected",
        titleCommune: "Xã\u0008\u0008Khác", columns: [{ field: "name", label: "Họ và tên", column: "B", header: "Họ\u001b[8mẩn", confidence: 1 }],
        missingFields: [], unmapped: [{ column: "C", header: "\u009bGhi chú" }],
      }],
      notUnderstood: [
        { sheet: "Trang\u202e1", reason: "headers-unknown", looksLikeTable: true, detail: "dòng 1 có tiêu đề \"\u001b[2J\"" },
        { sheet: "Mất\u0007", reason: "unreadable", looksLikeTable: false, detail: "thiếu phần\u001b[31m" },
      ],
    };
    const text = formatInspection(r, "vi");
    expect(text).not.toMatch(ACTS_ON_TERMINAL);
    expect(text).toContain('Trang "Trang\\u202E1"');
    expect(text).toContain('Trang "Cán bộ\\u000D": ');
    expect(text).toContain('← "Họ\\u001B[8mẩn"');
    expect(text).toContain('dòng 1 có tiêu đề "\\u001B[2J"');
    expect(text).toContain('Trang "Mất\\u0007": không đọc được — thiếu phần\\u001B[31m');
  });
});

describe("chibo check on a workbook with hostile cells, end to end", () => {
  let dir: string;
  let file: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "chibo-term-"));
    const s = generateSample({ size: "commune", seed: 3, defects: false });
    const cadres = s.workbook.sheets.find((x) => x.name === "Cán bộ")!;
    cadres.values[5][3] = "Nam\u001b[2K\r";
    cadres.values[6][3] = "N\u202eữ";
    cadres.values[7][2] = "\u202e5691/10/01";
    cadres.values[8][3] = "Nữ\u009b31m";
    file = path.join(dir, "xa\u202e.xlsx");
    await writeWorkbookFile(file, s.workbook);
  }, 30000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
    let out = "";
    let err = "";
    const o = jest.spyOn(process.stdout, "write").mockImplementation((s: string | Uint8Array) => { out += String(s); return true; });
    const e = jest.spyOn(process.stderr, "write").mockImplementation((s: string | Uint8Array) => { err += String(s); return true; });
    try {
      return { code: await main(["node", "chibo", ...args]), out, err };
    } finally {
      o.mockRestore();
      e.mockRestore();
    }
  }

  it("text: the findings are there, with their characters made visible", async () => {
    const r = await run("check", file, "--period", "2025", "--all");
    expect(r.code).toBe(1);
    expect(r.out + r.err).not.toMatch(ACTS_ON_TERMINAL);
    expect(r.out).toContain("== " + path.join(dir, "xa\\u202E.xlsx"));
    expect(r.out).toMatch(/'Cán bộ'!D7 {2}Giới tính "N\\u202Eữ" không hợp lệ/);
    expect(r.out).toMatch(/'Cán bộ'!C8 {2}Ngày sinh "\\u202E5691\/10\/01"/);
    expect(r.out).toMatch(/'Cán bộ'!D9 {2}Giới tính "Nữ\\u009B31m"/);
  }, 30000);

  it("JSON: the same values, exactly, and still nothing raw on the terminal", async () => {
    const r = await run("check", file, "--period", "2025", "--json");
    expect(r.out).not.toMatch(ACTS_ON_TERMINAL);
    const doc = JSON.parse(r.out);
    expect(doc.files[0].file).toBe(file);
    const values = doc.files[0].findings.filter((f: { sheet: string }) => f.sheet === "Cán bộ").map((f: { value: unknown }) => f.value);
    expect(values).toEqual(expect.arrayContaining(["N\u202eữ", "\u202e5691/10/01", "Nữ\u009b31m"]));
  }, 30000);
});
