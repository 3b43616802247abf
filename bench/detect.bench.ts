/**
 * Table detection on a province-size meetings sheet: 160,000 data rows under
 * title rows and a header, with a few blank rows inside.
 * Budget: 0.3 s per detectTables call: the median of 5 runs after one warm-up,
 * in CPU time of this process (the machine is shared by several people, so the
 * wall time swings with their load; it is printed too).
 * Also timed, same budget: a 29,000-row cadres sheet with a merged two-row
 * header and a merged cell on every row (merges must not make lookups slow).
 * Run: npx tsx bench/detect.bench.ts  (exits 1 when the budget is broken)
 */
import { performance } from "node:perf_hooks";
import { detectTables, detectWorkbook } from "../src/core/detect";
import { generateSample } from "../src/core/sample";
import { CellValue, SheetData } from "../src/core/model/values";

const ROWS = 160_000;
const BUDGET_MS = 300;

function meetingsSheet(): SheetData {
  const values: CellValue[][] = [
    ["ĐẢNG BỘ XÃ YÊN LẠC", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", ""],
    ["THEO DÕI SINH HOẠT CHI BỘ NĂM 2026"],
    [],
    ["STT", "Chi bộ", "Đảng bộ xã/phường", "Ngày sinh hoạt", "Loại sinh hoạt", "Hình thức", "Thời lượng (phút)", "Tổng số đảng viên", "Miễn sinh hoạt", "Có mặt", "Vắng có lý do", "Vắng không lý do", "Cấp ủy viên cấp trên dự", "Chủ đề", "Điểm", "Xếp loại", "Có biên bản", "Đủ quy trình 5 bước", "Đăng Sổ tay điện tử"],
  ];
  for (let i = 1; i <= ROWS; i++) {
    if (i % 20_000 === 0) values.push([]);
    const cell = `Chi bộ thôn ${i % 9600}`;
    const thematic = i % 4 === 0;
    values.push([
      i, cell, `Xã ${i % 166}`, 46023 + (i % 365), thematic ? "Chuyên đề" : "Thường kỳ", "Trực tiếp", 120, 25, 0, 23, 2, 0,
      i % 5 === 0 ? "Đ/c Nguyễn Văn An" : "", thematic ? "Học tập Nghị quyết" : "", 90, "Tốt", "x", "x", "",
    ]);
  }
  values.push(["", "Tổng cộng"]);
  return { name: "Sinh hoạt", originRow: 1, originCol: 1, values };
}

const CADRE_ROWS = 29_000;

function cadresSheet(): SheetData {
  const values: CellValue[][] = [
    ["ĐẢNG BỘ TỈNH THANH HÓA"],
    ["DANH SÁCH BÍ THƯ CHI BỘ"],
    [],
    ["STT", "Họ và tên", "", "Năm sinh", "", "Dân tộc", "Chức vụ", "Chi bộ", "Đảng bộ xã/phường", "Trình độ", ""],
    ["", "", "", "Nam", "Nữ", "", "", "", "", "Chuyên môn", "LLCT"],
  ];
  const merges = ["A1:K1", "A2:K2", "A4:A5", "B4:C5", "D4:E4", "F4:F5", "G4:G5", "H4:H5", "I4:I5", "J4:K4"];
  for (let i = 1; i <= CADRE_ROWS; i++) {
    const male = i % 3 !== 0;
    values.push([i, `Nguyễn Văn ${i}`, "", male ? 1960 + (i % 40) : "", male ? "" : 1960 + (i % 40), "Kinh", "Bí thư chi bộ", `Chi bộ thôn ${i}`, `Xã ${i % 166}`, "Đại học", "Trung cấp"]);
    merges.push(`B${values.length}:C${values.length}`);
  }
  return { name: "Cán bộ", originRow: 1, originCol: 1, values, merges };
}

function time(name: string, sheet: SheetData, expectKind: string, expectRows: number): boolean {
  const cold0 = performance.now();
  const first = detectTables(sheet);
  const cold = performance.now() - cold0;
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let k = 0; k < 5; k++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    detectTables(sheet);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
    wall.push(performance.now() - t0);
  }
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[2];
  const median = med(cpu);
  const rows = first[0]?.dataRows.length ?? 0;
  console.log(
    `detect ${name}: ${first.length} table(s), ${rows} data rows; first call ${cold.toFixed(1)} ms wall; ` +
      `median of 5: ${median.toFixed(1)} ms CPU, ${med(wall).toFixed(1)} ms wall (best ${Math.min(...wall).toFixed(1)}); budget ${BUDGET_MS} ms CPU`,
  );
  let ok = true;
  if (first.length !== 1 || first[0].kind !== expectKind || rows !== expectRows) {
    console.error(`detect ${name}: wrong result on the bench sheet`);
    ok = false;
  }
  if (median > BUDGET_MS) {
    console.error(`detect ${name}: budget broken (${median.toFixed(1)} ms > ${BUDGET_MS} ms)`);
    ok = false;
  }
  return ok;
}

const okMeetings = time(`${ROWS} meeting rows`, meetingsSheet(), "meetings", ROWS);
const okCadres = time(`${CADRE_ROWS} cadre rows, ${CADRE_ROWS + 10} merges`, cadresSheet(), "cadres", CADRE_ROWS);
// For information: a whole generated province workbook (four sheets), one call.
const province = generateSample({ size: "province", seed: 3, defects: false }).workbook;
detectWorkbook(province);
const p0 = process.cpuUsage();
const w0 = performance.now();
const found = detectWorkbook(province);
const pc = process.cpuUsage(p0);
const rowsFound = found.reduce((n, t) => n + t.dataRows.length, 0);
console.log(
  `detectWorkbook province sample: ${found.length} tables, ${rowsFound} data rows; ` +
    `${((pc.user + pc.system) / 1000).toFixed(1)} ms CPU, ${(performance.now() - w0).toFixed(1)} ms wall`,
);
const okProvince = found.length === 4;
if (!okProvince) console.error("detectWorkbook province sample: expected 4 tables");
process.exit(okMeetings && okCadres && okProvince ? 0 : 1);
