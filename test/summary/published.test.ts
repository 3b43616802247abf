import { CadreRecord, CellValue, WorkbookData, day, defaultSettings } from "../../src/core/model";
import { understand } from "../../src/core/understand";
import { summarize, formatPctVi, reportText, isNoData, Summary } from "../../src/core/summary";
import { planSummarySheet } from "../../src/core/plan";
import { cadre, dataset } from "../factories/records";
import { counted, n, totalFigures } from "../factories/summary";

/**
 * The seed article "Nâng cao chất lượng cấp ủy viên cơ sở" (Tuyên Quang), as
 * DOMAIN.md quotes it: "3.471 đồng chí cấp ủy viên, trong đó nữ có 961 đồng
 * chí, chiếm 27,68% (tăng 2,81% so với khóa trước) … cao đẳng, đại học và
 * trên đại học 3.078 đồng chí, chiếm 88,67%, tăng 17,05% … cao cấp và cử nhân
 * có 710 đồng chí, chiếm 20,45%, tăng 4,01%". The summary must print the same
 * shares and changes from a workbook typed with exactly those counts, in the
 * mode the article used (truncate).
 */

const settingsFor = (rounding: "round" | "truncate") => ({ ...defaultSettings(day(2026, 3, 1)), rounding });
const YEAR_2025 = { kind: "year", year: 2025 } as const;

// The communes the rows are spread over; no COMMUNES sheet, so they sort in Vietnamese order, numbers as numbers.
const COMMUNES = ["Phường Số 10", "Xã Yên Sơn", "Phường Số 2", "Xã Ấp Tân"];
const HEADER = ["STT", "Họ và tên", "Năm sinh", "Giới tính", "Dân tộc", "Chức vụ", "Đảng bộ xã", "Trình độ chuyên môn", "Lý luận chính trị", "Nhiệm kỳ"];

interface Counts {
  total: number;
  women: number;
  minority: number;
  under40: number;
  /** Education: Trung cấp, then Cao đẳng or higher; the rest Sơ cấp. */
  trungCap: number;
  caoDangUp: number;
  /** Theory: Cao cấp or Cử nhân, then Trung cấp; the rest Sơ cấp. */
  caoCap: number;
  theoryTrungCap: number;
}

/**
 * Rows typed as an office types them: abbreviations ("ĐH", "CĐ", "TC", "CN"),
 * several spellings of one term, a year of birth alone. Each field takes the
 * first `count` people, so counts overlap freely across fields.
 */
function rosterRows(c: Counts, terms: readonly string[], bornYoung: number, bornOld: number): CellValue[][] {
  const rows: CellValue[][] = [];
  for (let i = 0; i < c.total; i++) {
    const edu = i < c.trungCap ? "TC" : i < c.trungCap + c.caoDangUp ? ["CĐ", "ĐH", "Đại học", "Thạc sĩ"][i % 4] : "Sơ cấp";
    const theory = i < c.caoCap ? (i % 2 ? "CN" : "Cao cấp") : i < c.caoCap + c.theoryTrungCap ? "Trung cấp" : "Sơ cấp";
    rows.push([
      i + 1, `Cán bộ ${i + 1}`, i < c.under40 ? bornYoung : bornOld, i < c.women ? "Nữ" : "Nam", i < c.minority ? "Tày" : "Kinh",
      "Đảng ủy viên", COMMUNES[i % COMMUNES.length], edu, theory, terms[i % terms.length],
    ]);
  }
  return rows;
}

const CURRENT: Counts = { total: 3471, women: 961, minority: 1527, under40: 1188, trungCap: 303, caoDangUp: 3078, caoCap: 710, theoryTrungCap: 2404 };
/**
 * The previous term, built so that its shares as printed give the article's changes:
 * 797/3.204 = 24,87% (27,68 − 24,87 = 2,81), 2.295/3.204 = 71,62% (88,67 − 71,62 = 17,05),
 * 527/3.204 = 16,44% (20,45 − 16,44 = 4,01), all truncated.
 */
const PREVIOUS: Counts = { total: 3204, women: 797, minority: 1300, under40: 1000, trungCap: 500, caoDangUp: 2295, caoCap: 527, theoryTrungCap: 2000 };

const currentRows = () => rosterRows(CURRENT, ["2020–2025", "2020 - 2025", "NK 2020-2025"], 1990, 1975);
const previousRows = () => rosterRows(PREVIOUS, ["2015-2020", "NK 2015 - 2020"], 1985, 1970);

function workbook(sheets: Array<{ name: string; rows: CellValue[][] }>): WorkbookData {
  return { sheets: sheets.map((s) => ({ name: s.name, originRow: 1, originCol: 1, values: [["DANH SÁCH CẤP ỦY VIÊN CƠ SỞ"], HEADER, ...s.rows] })) };
}

/** The figures the article prints, read from "Toàn tỉnh" of table 2. */
function printed(s: Summary) {
  const t = totalFigures(s, "committee");
  const p = (key: string) => {
    const f = counted(t[key]);
    return [f.count, formatPctVi(f.pct)];
  };
  return {
    total: t.total.count,
    women: p("women"), minority: p("minority"), under40: p("under40"), trungCap: p("education.trungCap"),
    caoDangUp: p("education.caoDangTroLen"), caoCap: p("theory.caoCapCuNhan"), theoryTrungCap: p("theory.trungCap"),
  };
}

const ARTICLE = {
  total: 3471,
  women: [961, "27,68%"], minority: [1527, "43,99%"], under40: [1188, "34,22%"], trungCap: [303, "8,72%"],
  caoDangUp: [3078, "88,67%"], caoCap: [710, "20,45%"], theoryTrungCap: [2404, "69,25%"],
};

/** The article's comparison, in percentage points between the percentages as printed. */
function expectArticleChanges(s: Summary): void {
  const t = totalFigures(s, "committee");
  expect(t.total).toEqual({ ...n(3471), previousTerm: n(3204), change: 267 });
  expect(t.women).toEqual({ count: 961, pct: 27.68, previousTerm: { count: 797, pct: 24.87 }, change: 2.81 });
  expect(t["education.caoDangTroLen"]).toEqual({ count: 3078, pct: 88.67, previousTerm: { count: 2295, pct: 71.62 }, change: 17.05 });
  expect(t["theory.caoCapCuNhan"]).toEqual({ count: 710, pct: 20.45, previousTerm: { count: 527, pct: 16.44 }, change: 4.01 });
}

describe("the published Tuyên Quang table, from a workbook", () => {
  describe("one roster holding both terms (Nhiệm kỳ column)", () => {
    const { dataset: ds } = understand(workbook([{ name: "Cấp ủy", rows: [...previousRows(), ...currentRows()] }]));
    const s = summarize(ds, YEAR_2025, settingsFor("truncate"), { compareWithPreviousTerm: { from: "terms" } });

    it("counts only the latest term in the main columns, and prints the article's figures", () => {
      expect(s.tables.committee.term.current).toBe("2020-2025");
      expect(printed(s)).toEqual(ARTICLE);
      // The rows of 2015-2020 are the comparison: not in the main columns, and not left out either.
      expect(s.leftOut.find((l) => l.reason === "cadre/other-term")).toBeUndefined();
      expect(s.tables.committee.term.previous).toMatchObject({ label: "2015-2020", source: "terms", agesAt: "31/12/2020" });
    });

    it("compares with the previous term as the article does", () => {
      expectArticleChanges(s);
    });

    it("writes the paragraph the article prints", () => {
      const text = reportText(s, "vi");
      expect(text).toContain("Cấp ủy viên cơ sở nhiệm kỳ 2020-2025: tổng số 3.471 đồng chí (tăng 267 đồng chí so với khóa trước)");
      expect(text).toContain("trong đó nữ 961 đồng chí, chiếm 27,68% (tăng 2,81% so với khóa trước)");
      expect(text).toContain("cao đẳng, đại học và trên đại học 3.078 đồng chí, chiếm 88,67% (tăng 17,05% so với khóa trước)");
      expect(text).toContain("cao cấp và cử nhân 710 đồng chí, chiếm 20,45% (tăng 4,01% so với khóa trước)");
      expect(text).toContain("dân tộc thiểu số 1.527 đồng chí, chiếm 43,99%");
      expect(text).toContain("trình độ chuyên môn: trung cấp 303 đồng chí, chiếm 8,72%");
      // The workbook has no "Đã bồi dưỡng nghiệp vụ", "Kiêm trưởng thôn" or "Sổ tay" column: never written as 0.
      expect(text).not.toMatch(/bồi dưỡng|trưởng thôn|Sổ tay/);
      const en = reportText(s, "en");
      expect(en).toContain("women 961 (27.68%, up 2.81 points on the previous term)");
      expect(en).toContain("3,471 in total (up 267 on the previous term)");
    });

    it("gives the figures the workbook does not record as not recorded, and names the columns", () => {
      const t = totalFigures(s, "committee");
      for (const key of ["trained", "villageHead", "eHandbook"]) {
        expect(t[key]).toMatchObject({ count: null, pct: null, notRecorded: { vi: expect.stringContaining("Không ghi nhận") } });
      }
      expect(s.notRecorded.map((m) => m.field).sort()).toEqual(["eHandbook", "trained", "villageHead"]);
      expect(s.notRecorded.every((m) => m.communes.length === 0 && m.why.vi.includes("không phải 0"))).toBe(true);
      // Table 1 has no row at all: its total is not a 0 either.
      expect(totalFigures(s, "secretaries").total.notRecorded).toBeDefined();
    });

    it("sorts the communes in Vietnamese order, numbers as numbers", () => {
      expect(s.tables.committee.rows.map((r) => r.commune)).toEqual(["Phường Số 2", "Phường Số 10", "Xã Ấp Tân", "Xã Yên Sơn"]);
    });

    it("shows Khóa trước and Tăng/giảm on the summary sheet, and the paragraph under the tables", () => {
      const plan = planSummarySheet(s);
      const texts = plan.ops.flatMap((o) => (o.op === "values" ? o.values.flat() : [])).filter((v): v is string => typeof v === "string");
      expect(texts).toContain("Khóa trước: tỷ lệ %");
      expect(texts).toContain("Tăng/giảm (%)");
      expect(texts.some((t) => t.includes("nữ 961 đồng chí, chiếm 27,68% (tăng 2,81% so với khóa trước)"))).toBe(true);
      const values = plan.ops.flatMap((o) => (o.op === "values" ? o.values.flat() : []));
      expect(values).toContain(2.81);
      expect(values).toContain(17.05);
      expect(values).toContain(4.01);
    });
  });

  it("takes the previous term from a sheet the user names", () => {
    const { dataset: ds } = understand(workbook([{ name: "Khóa trước", rows: previousRows() }, { name: "Cấp ủy", rows: currentRows() }]));
    const s = summarize(ds, YEAR_2025, settingsFor("truncate"), { compareWithPreviousTerm: { from: "sheet", sheet: "Khóa trước" } });
    expect(printed(s)).toEqual(ARTICLE);
    expectArticleChanges(s);
    expect(s.tables.committee.term.previous).toMatchObject({ label: "2015-2020", source: "sheet" });
  });

  it("takes the previous term from another file's roster", () => {
    const now = understand(workbook([{ name: "Cấp ủy", rows: currentRows() }])).dataset;
    const before = understand(workbook([{ name: "DS", rows: previousRows() }])).dataset;
    const s = summarize(now, YEAR_2025, settingsFor("truncate"), { compareWithPreviousTerm: { from: "file", name: "khoa-truoc.xlsx", cadres: before.cadres } });
    expectArticleChanges(s);
  });

  it("says there is nothing to compare with when the data holds one term and no roster is named", () => {
    const { dataset: ds } = understand(workbook([{ name: "Cấp ủy", rows: currentRows() }]));
    const s = summarize(ds, YEAR_2025, settingsFor("truncate"), { compareWithPreviousTerm: { from: "terms" } });
    expect(printed(s)).toEqual(ARTICLE);
    const women = totalFigures(s, "committee").women;
    expect(women.previousTerm?.notRecorded?.vi).toContain("chỉ có nhiệm kỳ 2020-2025");
    expect(women.change).toBeNull();
    expect(reportText(s)).not.toContain("khóa trước");
  });

  it("round mode would print 20,46% for the Cao cấp–Cử nhân share: the mode matters", () => {
    const { dataset: ds } = understand(workbook([{ name: "Cấp ủy", rows: currentRows() }]));
    const r = summarize(ds, YEAR_2025, settingsFor("round"));
    expect(formatPctVi(totalFigures(r, "committee")["theory.caoCapCuNhan"].pct)).toBe("20,46%");
  });
});

describe("the 429 grassroots party secretaries of the same article, round mode", () => {
  function people(count: number, groups: Array<[number, Partial<CadreRecord>]>, base: Partial<CadreRecord>): CadreRecord[] {
    const rows: CadreRecord[] = [];
    for (let i = 0; i < count; i++) {
      const over: Partial<CadreRecord> = { ...base };
      for (const [k, fields] of groups) if (i < k) Object.assign(over, fields);
      rows.push(cadre({ row: i + 2, role: "Bí thư chi bộ", commune: "Xã Tuyên Quang", ...over }));
    }
    return rows;
  }
  const rows = people(429, [[45, { gender: "Nữ" }], [137, { ethnicity: "Dao" }], [400, { education: "Đại học" }]],
    { gender: "Nam", ethnicity: "Kinh", education: "Trung cấp", theory: "Sơ cấp" });
  rows.forEach((r, i) => { r.theory = i < 209 ? "Cử nhân" : i < 420 ? "Trung cấp" : "Sơ cấp"; });

  it("prints the article's shares", () => {
    const s = summarize(dataset({ cadres: rows }), YEAR_2025, settingsFor("round"));
    const t = totalFigures(s, "secretaries");
    expect(t.total).toEqual(n(429));
    expect(formatPctVi(t.women.pct)).toBe("10,49%");
    expect(formatPctVi(t.minority.pct)).toBe("31,93%");
    expect(formatPctVi(t["education.daiHocTroLen"].pct)).toBe("93,24%");
    expect(formatPctVi(t["theory.trungCap"].pct)).toBe("49,18%");
    expect(formatPctVi(t["theory.caoCapCuNhan"].pct)).toBe("48,72%");
    expect(isNoData(s.tables.secretaries.rows[0])).toBe(false);
    // Truncating would print 10,48% for the women: the mode matters.
    const tr = summarize(dataset({ cadres: rows }), YEAR_2025, settingsFor("truncate"));
    expect(formatPctVi(totalFigures(tr, "secretaries").women.pct)).toBe("10,48%");
  });
});
