import * as fs from "fs";
import { generateSample, SampleSize } from "../core/sample";
import { writeWorkbookFile } from "../xlsx/write";
import { EXIT_OK, EXIT_UNREADABLE, Output, formatCount, langOf, parseIntOption, printError, processOutput, t } from "./common";
import { OutputError, TEMP_OPEN_FLAGS, checkOutput, writeOutput } from "./safeWrite";

export interface SampleCliOptions {
  out?: string;
  size: string;
  seed?: string;
  year?: string;
  defects?: boolean;
  force?: boolean;
  lang?: string;
  /** `--communes N`: N commune files, each for a different commune, into the folder --out (sampleCommunes.ts). */
  communes?: string;
}

/** Where the list of planted defects goes: next to the workbook, named after it. */
export function defectsPath(out: string): string {
  return `${out}.defects.json`;
}

/**
 * `chibo sample --out FILE [--size commune|province] [--seed N] [--year Y] [--defects] [--force]`:
 * writes a realistic sample workbook; with --defects also FILE.defects.json,
 * the list of errors planted in it (rule, sheet, row, column, address, note).
 */
export async function runSample(opts: SampleCliOptions, io: Output = processOutput()): Promise<number> {
  const lang = langOf(opts);
  if (opts.communes !== undefined && opts.out) return (await import("./sampleCommunes")).runCommuneSet({ ...opts, out: opts.out, communes: opts.communes }, io);
  if (!opts.out) {
    printError(lang, { vi: "Thiếu --out: hãy cho biết tệp cần ghi, ví dụ: chibo sample --out mau.xlsx", en: "Missing --out: name the file to write, e.g. chibo sample --out sample.xlsx" }, io);
    return EXIT_UNREADABLE;
  }
  if (opts.size !== "commune" && opts.size !== "province") {
    printError(lang, { vi: `Cỡ mẫu "${opts.size}" không hợp lệ: dùng commune hoặc province.`, en: `Size "${opts.size}" is not valid: use commune or province.` }, io);
    return EXIT_UNREADABLE;
  }
  const seed = parseIntOption(opts.seed);
  const year = parseIntOption(opts.year);
  if (seed === null) {
    printError(lang, { vi: `Hạt giống "${opts.seed}" phải là số nguyên.`, en: `Seed "${opts.seed}" must be a whole number.` }, io);
    return EXIT_UNREADABLE;
  }
  if (year === null || year < 1990 || year > 2100) {
    printError(lang, { vi: `Năm "${opts.year}" không hợp lệ: hãy ghi năm có 4 chữ số, ví dụ 2025.`, en: `Year "${opts.year}" is not valid: write a 4-digit year such as 2025.` }, io);
    return EXIT_UNREADABLE;
  }
  const size = opts.size as SampleSize;
  const out = opts.out;
  try {
    // Both targets are checked before the sample is made, so a bad folder costs no work.
    const book = await checkOutput(out, { force: opts.force });
    const list = opts.defects ? await checkOutput(defectsPath(out), { force: opts.force }) : null;
    const sample = generateSample({ size, seed, year, defects: Boolean(opts.defects) });
    await writeOutput(book, (temp) => writeWorkbookFile(temp, sample.workbook, { boldRows: sample.headerRows, openFlags: TEMP_OPEN_FLAGS }));
    // Data rows are the numbered ones (STT); titles, headers and the total row are not counted.
    const counts = sample.workbook.sheets.map((s) => `${s.name}: ${formatCount(s.values.filter((r) => typeof r[0] === "number").length, lang)}`).join(", ");
    io.out(t(lang, `Đã ghi ${out} (số dòng dữ liệu: ${counts})`, `Wrote ${out} (data rows: ${counts})`) + "\n");
    if (list) {
      // A sheet the reader could not read is planted in memory only (WorkbookData.problems): the file has no broken
      // part, so the list holds only what a check of the written file can find.
      const sheets = new Set(sample.workbook.sheets.map((s) => s.name));
      const defects = sample.defects.filter((d) => sheets.has(d.sheet));
      const body = { size, seed, year, file: out, defects };
      await writeOutput(list, (temp) => fs.promises.writeFile(temp, JSON.stringify(body, null, 2) + "\n", { encoding: "utf8", flag: TEMP_OPEN_FLAGS }));
      io.out(t(lang, `Đã ghi ${list.file}: ${defects.length} lỗi cài sẵn`, `Wrote ${list.file}: ${defects.length} planted defects`) + "\n");
    }
  } catch (e) {
    if (!(e instanceof OutputError)) throw e;
    printError(lang, e.userText, io);
    return EXIT_UNREADABLE;
  }
  return EXIT_OK;
}
