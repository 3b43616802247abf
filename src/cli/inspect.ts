import { DetectedTable, FIELDS, SheetNote, TABLE_LABELS, WorkbookData, columnLetter, fieldDef, missingFields as missingOf, Text } from "../core/model";
import { detectWorkbook, sheetNotesOf } from "../core/detect";
import { oneLine } from "./terminalText";
import { EXIT_OK, EXIT_UNREADABLE, Lang, Output, formatCount, langOf, loadWorkbooks, processOutput, t } from "./common";

export interface InspectCliOptions {
  json?: boolean;
  lang?: string;
}

/** What `inspect --json` prints for one table: plain data, columns by letter as people read them. */
export interface InspectedTable {
  kind: DetectedTable["kind"];
  sheet: string;
  headerRows: [number, number];
  dataRowCount: number;
  firstDataRow: number | null;
  lastDataRow: number | null;
  skippedRows: DetectedTable["skippedRows"];
  confidence: number;
  source: DetectedTable["source"];
  titleCommune?: string;
  columns: Array<{ field: string; label: string; column: string; header: string; confidence: number }>;
  missingFields: string[];
  unmapped: Array<{ column: string; header: string }>;
}

/** A sheet with data that gave no table, or that the reader could not read: why, in the chosen language. */
export interface InspectedSheetNote {
  sheet: string;
  reason: SheetNote["reason"];
  /** It looks like a table of data: `check` warns about it (sheet/not-understood). */
  looksLikeTable: boolean;
  row?: number;
  labels?: string[];
  detail: string;
}

export interface InspectedFile {
  file: string;
  sheets: Array<{ name: string; visibility: string; rows: number; cols: number; firstCell: string }>;
  tables: InspectedTable[];
  /** Every sheet that holds data but gave no table, and every sheet the reader could not read, with the reason. */
  notUnderstood: InspectedSheetNote[];
}

/** Fields without a column; alternatives (the birth date or the "Nam"/"Nữ" pair, the name or its halves) stand in for each other. */
function missingFields(tb: DetectedTable): string[] {
  return missingOf(tb.kind, new Set(Object.keys(tb.columns).filter((k) => (tb.columns as Record<string, unknown>)[k] !== undefined)));
}

export function inspectWorkbook(file: string, workbook: WorkbookData, lang: Lang = "vi"): InspectedFile {
  const detected = detectWorkbook(workbook);
  const notUnderstood = sheetNotesOf(workbook, detected).map((n): InspectedSheetNote => {
    const note: InspectedSheetNote = { sheet: n.sheet, reason: n.reason, looksLikeTable: n.looksLikeTable, detail: n.detail[lang] };
    if (n.row !== undefined) note.row = n.row;
    if (n.labels) note.labels = n.labels;
    return note;
  });
  const tables = detected.map((tb): InspectedTable => {
    const fields = FIELDS[tb.kind];
    const columns = fields
      .filter((f) => (tb.columns as Record<string, unknown>)[f.key] !== undefined)
      .map((f) => {
        const m = (tb.columns as Record<string, { col: number; header: string; confidence: number }>)[f.key];
        return { field: f.key, label: f.label[lang], column: columnLetter(m.col), header: m.header, confidence: m.confidence };
      })
      .sort((a, b) => a.column.length - b.column.length || (a.column < b.column ? -1 : 1));
    return {
      kind: tb.kind,
      sheet: tb.sheet,
      headerRows: [tb.headerTop, tb.headerBottom],
      dataRowCount: tb.dataRows.length,
      firstDataRow: tb.dataRows.length ? tb.dataRows[0] : null,
      lastDataRow: tb.dataRows.length ? tb.dataRows[tb.dataRows.length - 1] : null,
      skippedRows: tb.skippedRows,
      confidence: tb.confidence,
      source: tb.source,
      ...(tb.titleCommune ? { titleCommune: tb.titleCommune } : {}),
      columns,
      missingFields: missingFields(tb),
      unmapped: tb.unmapped.map((u) => ({ column: columnLetter(u.col), header: u.header })),
    };
  });
  const sheets = workbook.sheets.map((s) => ({
    name: s.name,
    visibility: s.visibility ?? "visible",
    rows: s.values.length,
    cols: s.values.reduce((n, r) => Math.max(n, r?.length ?? 0), 0),
    firstCell: `${columnLetter(s.originCol)}${s.originRow}`,
  }));
  return { file, sheets, tables, notUnderstood };
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

const SKIP_LABELS: Record<string, Text> = {
  blank: { vi: "trống", en: "blank" },
  total: { vi: "dòng tổng", en: "total" },
  header: { vi: "tiêu đề lặp lại", en: "repeated header" },
  numbering: { vi: "dòng đánh số cột", en: "column numbering" },
};

/** The human report of one file; names and headers from the file go through oneLine (see terminalText.ts). */
export function formatInspection(r: InspectedFile, lang: Lang): string {
  const file = oneLine(r.file);
  const lines: string[] = [t(lang, `Tệp ${file}`, `File ${file}`)];
  for (const { name: rawName, ...sheet } of r.sheets) {
    const name = oneLine(rawName);
    const tables = r.tables.filter((tb) => tb.sheet === rawName);
    const hidden = sheet.visibility !== "visible" ? t(lang, " (ẩn)", " (hidden)") : "";
    if (tables.length === 0) {
      const note = r.notUnderstood.find((n) => n.sheet === rawName);
      const why = note ? ` — ${oneLine(note.detail)}` : "";
      lines.push(t(lang, `  Trang "${name}"${hidden}: không nhận ra bảng nào (${formatCount(sheet.rows, lang)} dòng)${why}`, `  Sheet "${name}"${hidden}: no table recognised (${formatCount(sheet.rows, lang)} rows)${why}`));
      continue;
    }
    for (const tb of tables) {
      const label = lang === "en" ? TABLE_LABELS[tb.kind].en : TABLE_LABELS[tb.kind].vi;
      const by = tb.source === "user" ? t(lang, ", theo cấu hình người dùng", ", user mapping") : "";
      lines.push(t(lang, `  Trang "${name}"${hidden}: ${label} (độ tin cậy ${pct(tb.confidence)}${by})`, `  Sheet "${name}"${hidden}: ${label} (confidence ${pct(tb.confidence)}${by})`));
      const hdr = tb.headerRows[0] === tb.headerRows[1] ? `${tb.headerRows[0]}` : `${tb.headerRows[0]}–${tb.headerRows[1]}`;
      const range = tb.firstDataRow !== null ? ` (${tb.firstDataRow}–${tb.lastDataRow})` : "";
      const count = formatCount(tb.dataRowCount, lang);
      lines.push(t(lang, `    Dòng tiêu đề: ${hdr}; ${count} dòng dữ liệu${range}`, `    Header rows: ${hdr}; ${count} data rows${range}`));
      if (tb.titleCommune) lines.push(t(lang, `    Đơn vị ghi ở tiêu đề: ${oneLine(tb.titleCommune)}`, `    Commune in the title: ${oneLine(tb.titleCommune)}`));
      if (tb.skippedRows.length) {
        const counts = new Map<string, number>();
        for (const s of tb.skippedRows) counts.set(s.reason, (counts.get(s.reason) ?? 0) + 1);
        const parts = [...counts].map(([reason, n]) => `${n} ${lang === "en" ? SKIP_LABELS[reason]?.en ?? reason : SKIP_LABELS[reason]?.vi ?? reason}`);
        lines.push(t(lang, `    Bỏ qua: ${parts.join(", ")}`, `    Skipped: ${parts.join(", ")}`));
      }
      lines.push(t(lang, "    Cột đã nhận:", "    Mapped columns:"));
      for (const c of tb.columns) lines.push(`      ${c.column.padEnd(3)} ${c.label.padEnd(30)} ← "${oneLine(c.header)}" (${pct(c.confidence)})`);
      if (tb.missingFields.length) {
        const names = tb.missingFields.map((k) => fieldDef(tb.kind, k).label[lang]);
        lines.push(t(lang, `    Không có cột: ${names.join(", ")}`, `    Missing columns: ${names.join(", ")}`));
      }
      if (tb.unmapped.length) {
        lines.push(t(lang, `    Cột chưa nhận ra: ${tb.unmapped.map((u) => `${u.column} "${oneLine(u.header)}"`).join(", ")}`, `    Unmapped columns: ${tb.unmapped.map((u) => `${u.column} "${oneLine(u.header)}"`).join(", ")}`));
      }
    }
  }
  // Sheets the workbook lists that could not be read are not among its sheets: named after them.
  for (const n of r.notUnderstood.filter((x) => x.reason === "unreadable")) {
    lines.push(t(lang, `  Trang "${oneLine(n.sheet)}": không đọc được — ${oneLine(n.detail)}`, `  Sheet "${oneLine(n.sheet)}": could not be read — ${oneLine(n.detail)}`));
  }
  return lines.join("\n") + "\n";
}

/**
 * `chibo inspect FILE... [--json]`: which sheets hold which table, their header
 * rows, the columns mapped to fields (with confidence) and those left unmapped.
 * Exit 2 when a file cannot be read (the others are still inspected).
 */
export async function runInspect(files: string[], opts: InspectCliOptions, io: Output = processOutput()): Promise<number> {
  const lang = langOf(opts);
  const { loaded, failed } = await loadWorkbooks(files, lang, io);
  const results = loaded.map((l) => inspectWorkbook(l.path, l.workbook, lang));
  if (opts.json) io.out(JSON.stringify(results, null, 2) + "\n");
  else io.out(results.map((r) => formatInspection(r, lang)).join("\n"));
  return failed.length ? EXIT_UNREADABLE : EXIT_OK;
}
