import { day, defaultSettings, type SheetData } from "../model";
import { understand } from "../understand";
import {
  CONSOLIDATED_SHEETS, communeColumn, communeStatus, consolidatedHeader, coverageLabel, failedFile, mergeConsolidated,
  planConsolidatedSheets, planStatusSheet, ProvinceSession, reduceCommuneFile, sourceFileColumn, statusNote, type FileReport,
} from ".";
import { communeBook, listBook } from "./testBooks";

const settings = defaultSettings(day(2026, 1, 15));
const Q3 = { kind: "quarter", year: 2025, quarter: 3 } as const;

function reduce(file: string, wb: ReturnType<typeof communeBook>, modified?: number) {
  return reduceCommuneFile({ file, workbook: wb, modified }, settings, Q3);
}

describe("a commune file reduced", () => {
  test("names its commune, counts its findings for the period, and says which months it covers", () => {
    const clean = reduce("yen-lac.xlsx", communeBook({ commune: "Xã Yên Lạc" })).report;
    expect(clean).toMatchObject({ file: "yen-lac.xlsx", communes: ["Xã Yên Lạc"], isList: false, rows: 6 });
    expect(clean.counts[0].error).toBe(0);
    expect(coverageLabel(clean.coverage)).toEqual({ vi: "Quý III/2025", en: "Q3 2025" });
    const bad = reduce("b.xlsx", communeBook({ commune: "Xã Yên Lạc", withError: true })).report;
    expect(bad.counts[0].error).toBeGreaterThan(0);
  });

  test("a commune given only by the sheets' titles is the file's commune, and is written into its rows", () => {
    const r = reduce("t.xlsx", communeBook({ commune: "Xã An Hòa", communeInTitle: true }));
    expect(r.report.communes.map((c) => c.toLowerCase())).toEqual(["xã an hòa"]);
    const col = communeColumn("meetings");
    expect(r.rows.meetings.every((row) => typeof row[col] === "string" && (row[col] as string).toLowerCase().includes("an hòa"))).toBe(true);
  });

  test("keeps each row's source and its values as read, drops what only the check needed", () => {
    const r = reduce("yen-lac.xlsx", communeBook({ commune: "Xã Yên Lạc" }));
    const row = r.rows.cadres[0];
    expect(row.slice(sourceFileColumn("cadres"))).toEqual(["yen-lac.xlsx", "Cán bộ", 2]);
    expect(row[consolidatedHeader("cadres").indexOf("Họ và tên")]).toBe("Nguyễn Văn An");
    expect(row[consolidatedHeader("cadres").indexOf("Ngày sinh")]).toBe(27521); // 07/05/1975 as the serial it was
    expect(r.dataset.cadres[0].raw).toEqual({});
    expect(r.dataset.cadres[0].name).toBe("Nguyễn Văn An");
  });

  test("a list of communes alone is a list, not a report", () => {
    const r = reduce("ds.xlsx", listBook(["Xã A", "Xã B"])).report;
    expect(r).toMatchObject({ isList: true, listed: ["Xã A", "Xã B"], communes: [] });
  });

  test("the period a file covers, as a clerk names it", () => {
    expect(coverageLabel({ from: { y: 2025, m: 1 }, to: { y: 2025, m: 12 } })).toEqual({ vi: "Năm 2025", en: "Year 2025" });
    expect(coverageLabel({ from: { y: 2025, m: 4 }, to: { y: 2025, m: 6 } })?.en).toBe("Q2 2025");
    expect(coverageLabel({ from: { y: 2025, m: 7 }, to: { y: 2025, m: 8 } })?.vi).toBe("07/2025 – 08/2025");
    expect(coverageLabel({ from: { y: 2025, m: 3 }, to: { y: 2025, m: 3 } })).toEqual({ vi: "03/2025", en: "03/2025" });
    expect(coverageLabel({ from: { y: 2024, m: 11 }, to: { y: 2025, m: 2 } })?.en).toBe("11/2024 – 02/2025");
    expect(coverageLabel(null)).toBeNull();
  });
});

describe("who has sent what", () => {
  const list = ["Xã Yên Lạc", "Phường 10", "Xã An Hòa", "Phường 2"];
  const reports: FileReport[] = [
    reduce("an-hoa.xlsx", communeBook({ commune: "Xã An Hòa", withError: true })).report,
    reduce("yen-lac-cu.xlsx", communeBook({ commune: "Xã Yên Lạc" }), 1000).report,
    reduce("yen-lac-moi.xlsx", communeBook({ commune: "xa yen lac" }), 2000).report,
    reduce("phuong-2.xlsx", communeBook({ commune: "Phường 2" })).report,
    reduce("la.xlsx", communeBook({ commune: "Xã Lạ" })).report,
    failedFile("hong.xlsx", { vi: "Tệp hong.xlsx bị hỏng: hãy lấy lại bản gốc.", en: "File hong.xlsx is damaged." }),
  ];

  test("in the list's order: sent, errors, missing; the newer of two files is used; unmarked spellings match", () => {
    const t = communeStatus(reports, list);
    expect(t.listOrder).toBe(true);
    expect(t.rows.map((r) => [r.commune, r.status])).toEqual([
      ["Xã Yên Lạc", "sent"], ["Phường 10", "missing"], ["Xã An Hòa", "errors"], ["Phường 2", "sent"], ["Xã Lạ", "sent"],
    ]);
    const yenLac = t.rows[0];
    expect(yenLac.files.map((f) => [f.file, f.used])).toEqual([["yen-lac-moi.xlsx", true], ["yen-lac-cu.xlsx", false]]);
    expect(yenLac.files[0].period).toEqual({ vi: "Quý III/2025", en: "Q3 2025" });
    expect(statusNote(yenLac, "vi")).toBe("2 tệp cùng một xã: dùng tệp mới hơn yen-lac-moi.xlsx");
    expect(t.rows[2].counts.error).toBeGreaterThan(0);
    expect(t.rows[1]).toMatchObject({ files: [], counts: { error: 0, warning: 0, info: 0 }, listed: true });
    expect(t.rows[4].listed).toBe(false);
    expect(statusNote(t.rows[4], "en")).toBe("not in the communes list");
    expect(t.unreadable).toEqual([{ file: "hong.xlsx", message: { vi: "Tệp hong.xlsx bị hỏng: hãy lấy lại bản gốc.", en: "File hong.xlsx is damaged." } }]);
    expect(t.used).toEqual(expect.arrayContaining([{ file: "yen-lac-moi.xlsx", communes: ["xa yen lac"] }]));
    expect(t.used.some((u) => u.file === "yen-lac-cu.xlsx")).toBe(false);
  });

  test("with no list, in Vietnamese order (numbers as numbers); a list file among the chosen files is the list", () => {
    const plain = communeStatus(reports.filter((r) => !r.failed));
    expect(plain.listOrder).toBe(false);
    expect(plain.rows.map((r) => r.commune)).toEqual(["Phường 2", "Xã An Hòa", "Xã Lạ", "Xã Yên Lạc"]);
    const numbered = communeStatus([reduce("p10.xlsx", communeBook({ commune: "Phường 10" })).report, reduce("p2.xlsx", communeBook({ commune: "Phường 2" })).report]);
    expect(numbered.rows.map((r) => r.commune)).toEqual(["Phường 2", "Phường 10"]);
    const withFile = communeStatus([...reports, reduce("ds.xlsx", listBook(list)).report]);
    expect(withFile.listOrder).toBe(true);
    expect(withFile.rows.map((r) => r.commune).slice(0, 4)).toEqual(list);
  });

  test("a file whose rows name no commune is said so", () => {
    const wb = communeBook({ commune: "Xã X" });
    for (const s of wb.sheets) for (const r of s.values) r.splice(2, 1); // no commune column, no title
    const t = communeStatus([reduce("vo-danh.xlsx", wb).report]);
    expect(t.noCommune).toEqual(["vo-danh.xlsx"]);
  });
});

describe("consolidated sheets", () => {
  const yl = reduce("yen-lac.xlsx", communeBook({ commune: "Xã Yên Lạc" }));
  const ah = reduce("an-hoa.xlsx", communeBook({ commune: "Xã An Hòa", cell: "Chi bộ Thôn 2" }));
  const order = ["Xã An Hòa", "Xã Yên Lạc"];
  const sheetOf = (rows: unknown[][]): SheetData => ({ name: "x", originRow: 1, originCol: 1, values: rows as SheetData["values"] });

  test("rows of the imported communes, ordered like the list, each with its source", () => {
    const m = mergeConsolidated({}, [{ file: "yen-lac.xlsx", rows: yl.rows, communes: ["Xã Yên Lạc"] }, { file: "an-hoa.xlsx", rows: ah.rows, communes: ["Xã An Hòa"] }], order);
    expect(m.meetings.map((r) => r[sourceFileColumn("meetings")])).toEqual([...Array(4).fill("an-hoa.xlsx"), ...Array(4).fill("yen-lac.xlsx")]);
    expect(m.cells).toHaveLength(2);
  });

  test("importing a commune again replaces its rows, never duplicates them; other communes' rows stay", () => {
    const first = mergeConsolidated({}, [{ file: "yen-lac.xlsx", rows: yl.rows, communes: ["Xã Yên Lạc"] }, { file: "an-hoa.xlsx", rows: ah.rows, communes: ["Xã An Hòa"] }], order);
    const again = reduce("yen-lac-2.xlsx", communeBook({ commune: "Xã Yên Lạc", months: [7, 8] }));
    const existing = { cells: sheetOf([consolidatedHeader("cells"), ...first.cells]), cadres: sheetOf([consolidatedHeader("cadres"), ...first.cadres]), meetings: sheetOf([consolidatedHeader("meetings"), ...first.meetings]) };
    const second = mergeConsolidated(existing, [{ file: "yen-lac-2.xlsx", rows: again.rows, communes: ["Xã Yên Lạc"] }], order);
    const files = second.meetings.map((r) => r[sourceFileColumn("meetings")]);
    expect(files).toEqual([...Array(4).fill("an-hoa.xlsx"), ...Array(3).fill("yen-lac-2.xlsx")]);
    expect(second.cells).toHaveLength(2);
  });

  test("existing rows are read by their header labels, whatever the column order", () => {
    const header = consolidatedHeader("cells");
    const swapped = [header.slice().reverse(), ...yl.rows.cells.map((r) => r.slice().reverse())];
    const m = mergeConsolidated({ cells: sheetOf(swapped) }, [], order);
    expect(m.cells).toEqual(yl.rows.cells);
  });

  test("the plan writes the three sheets whole, as consolidated sheets, with their header", () => {
    const m = mergeConsolidated({}, [{ file: "yen-lac.xlsx", rows: yl.rows, communes: ["Xã Yên Lạc"] }], order);
    const plan = planConsolidatedSheets(m);
    const sheets = plan.ops.filter((o) => o.op === "sheet");
    expect(sheets.map((o) => [o.sheet, o.op === "sheet" && o.purpose])).toEqual(Object.values(CONSOLIDATED_SHEETS).map((s) => [s, "consolidated"]));
    const values = plan.ops.find((o) => o.op === "values" && o.sheet === CONSOLIDATED_SHEETS.meetings);
    expect(values && values.op === "values" && values.values[0]).toEqual(consolidatedHeader("meetings"));
    expect(values && values.op === "values" && values.address).toBe(`A1:${String.fromCharCode(64 + consolidatedHeader("meetings").length)}5`);
  });

  test("the consolidated sheets are understood again as the three tables, one commune per row", () => {
    const m = mergeConsolidated({}, [{ file: "yen-lac.xlsx", rows: yl.rows, communes: ["Xã Yên Lạc"] }, { file: "an-hoa.xlsx", rows: ah.rows, communes: ["Xã An Hòa"] }], order);
    const wb = { sheets: (["cells", "cadres", "meetings"] as const).map((k) => sheetOf([consolidatedHeader(k), ...m[k]])).map((s, i) => ({ ...s, name: `S${i}` })) };
    const { tables, dataset } = understand(wb);
    expect(tables.map((t) => t.kind)).toEqual(["cells", "cadres", "meetings"]);
    expect(new Set(dataset.meetings.map((r) => r.commune))).toEqual(new Set(["Xã An Hòa", "Xã Yên Lạc"]));
    expect(dataset.cadres[0].birth).toEqual(day(1975, 5, 7));
  });
});

test("the status sheet: a row per commune with its status, counts, file and period; the files not used below", () => {
  const reports = [reduce("a.xlsx", communeBook({ commune: "Xã A" })).report, failedFile("x.xlsx", { vi: "Tệp x.xlsx bị hỏng.", en: "x" })];
  const plan = planStatusSheet(communeStatus(reports, ["Xã A", "Xã B"]), Q3, "vi");
  const values = plan.ops.filter((o) => o.op === "values").flatMap((o) => (o.op === "values" ? o.values : []));
  expect(values[0][0]).toBe("TÌNH HÌNH NỘP BÁO CÁO – QUÝ III NĂM 2025");
  expect(values[1][0]).toBe("Đã nộp: 1; Có lỗi: 0; Chưa nộp: 1");
  expect(values[3].slice(0, 3)).toEqual([1, "Xã A", "Đã nộp"]);
  expect(values[3].slice(6, 8)).toEqual(["a.xlsx", "Quý III/2025"]);
  expect(values[4].slice(0, 4)).toEqual([2, "Xã B", "Chưa nộp", ""]);
  expect(values.some((r) => r[0] === "x.xlsx" && r[1] === "Tệp x.xlsx bị hỏng.")).toBe(true);
  expect(plan.ops[0]).toMatchObject({ op: "sheet", sheet: "Tình hình nộp báo cáo", purpose: "summary" });
  // In English every word is English, the file's period too (it was "Quý III/2025" once).
  const en = planStatusSheet(communeStatus(reports, ["Xã A", "Xã B"]), Q3, "en").ops
    .filter((o) => o.op === "values").flatMap((o) => (o.op === "values" ? o.values : []));
  expect(en[3].slice(6, 8)).toEqual(["a.xlsx", "Q3 2025"]);
  expect(en.flat().filter((v) => typeof v === "string" && /Quý|Năm|Đã nộp|Chưa nộp/.test(v))).toEqual([]);
});

test("the status sheet says when a used file's period is unknown, and leaves it blank only for a commune with no file", () => {
  const undated = { ...reduce("a.xlsx", communeBook({ commune: "Xã A" })).report, coverage: null };
  const rows = (lang: "vi" | "en") => planStatusSheet(communeStatus([undated], ["Xã A", "Xã B"]), Q3, lang).ops
    .filter((o) => o.op === "values").flatMap((o) => (o.op === "values" ? o.values : []));
  expect(rows("vi")[3].slice(6, 8)).toEqual(["a.xlsx", "không rõ kỳ"]);
  expect(rows("en")[3].slice(6, 8)).toEqual(["a.xlsx", "period unknown"]);
  expect(rows("vi")[4].slice(6, 8)).toEqual(["", ""]);
});

describe("a province session", () => {
  test("keeps what the summary needs of each used file, the list's communes, and the workbook's rows for communes no file sends", () => {
    const list = understand(listBook(["Xã Yên Lạc", "Xã An Hòa", "Xã Mới"])).dataset.communes;
    const s = new ProvinceSession(Q3, settings, list);
    s.add("yl-cu.xlsx", communeBook({ commune: "Xã Yên Lạc" }), 1);
    s.add("yl-moi.xlsx", communeBook({ commune: "Xã Yên Lạc", months: [7, 8] }), 2);
    s.add("ah.xlsx", communeBook({ commune: "Xã An Hòa", cell: "Chi bộ Thôn 1" }));
    s.failed("hong.xlsx", { vi: "Tệp hong.xlsx bị hỏng.", en: "damaged" });
    // The newer Yên Lạc file has no meeting in September: the period's check finds it.
    expect(s.status().rows.map((r) => [r.commune, r.status])).toEqual([["Xã Yên Lạc", "errors"], ["Xã An Hòa", "sent"], ["Xã Mới", "missing"]]);
    const workbook = understand(communeBook({ commune: "Xã An Hòa" })).dataset;
    const other = understand(communeBook({ commune: "Xã Khác" })).dataset;
    const { dataset, workbookCommunesLeftOut } = s.dataset({ ...workbook, meetings: [...workbook.meetings, ...other.meetings] });
    // Yên Lạc from the newer file only (3 meetings), An Hòa from its file, Xã Khác from the workbook.
    const byCommune = (c: string) => dataset.meetings.filter((m) => m.commune === c).length;
    expect([byCommune("Xã Yên Lạc"), byCommune("Xã An Hòa"), byCommune("Xã Khác")]).toEqual([3, 4, 4]);
    expect(workbookCommunesLeftOut).toEqual(["Xã An Hòa"]);
    expect(dataset.communes.map((c) => c.commune)).toEqual(["Xã Yên Lạc", "Xã An Hòa", "Xã Mới"]);
    // Two communes share a cell name: each record still knows its commune.
    expect(new Set(dataset.cells.map((c) => c.commune))).toEqual(new Set(["Xã Yên Lạc", "Xã An Hòa"]));
    expect(s.incomingRows()).toEqual({ cells: 2, cadres: 2, meetings: 7 });
    const plan = s.consolidatedPlan({});
    expect(plan.ops.filter((o) => o.op === "sheet")).toHaveLength(3);
    expect(s.statusPlan("en").ops[0]).toMatchObject({ sheet: "Report submissions" });
  });
});
