import { Command, Option } from "commander";
import * as fs from "fs";
import { generateSample, SampleSize } from "../core/sample";
import { writeWorkbookFile } from "../xlsx/write";
import { EXIT_UNREADABLE, addLangOption, formatCount, langOf, parseIntOption, printError, processOutput, t, vietnameseArgumentErrors } from "./common";

interface SampleCliOptions {
  out?: string;
  size: string;
  seed?: string;
  year?: string;
  defects?: boolean;
  lang?: string;
}

/** Where the list of planted defects goes: next to the workbook, named after it. */
export function defectsPath(out: string): string {
  return `${out}.defects.json`;
}

/**
 * `chibo sample --out FILE [--size commune|province] [--seed N] [--year Y] [--defects]`:
 * writes a realistic sample workbook; with --defects also FILE.defects.json,
 * the list of errors planted in it (rule, sheet, row, column, address, note).
 */
export function registerSample(program: Command, setExit: (code: number) => void): void {
  const cmd = program
    .command("sample")
    .description("Tạo tệp .xlsx mẫu (chi bộ, cán bộ, sinh hoạt) / write a sample workbook")
    .option("--out <file>", "tệp .xlsx sẽ ghi / output .xlsx file")
    .addOption(new Option("--size <size>", "cỡ mẫu: commune (một xã) hoặc province (cả tỉnh)").default("commune"))
    .option("--seed <n>", "hạt giống ngẫu nhiên: cùng hạt giống cho cùng tệp / random seed", "1")
    .option("--year <y>", "năm báo cáo / reporting year", "2025")
    .option("--defects", "cài sẵn các lỗi đã biết và ghi danh sách lỗi ra FILE.defects.json");
  addLangOption(cmd);
  vietnameseArgumentErrors(cmd);
  cmd.action(async (opts: SampleCliOptions) => {
    const lang = langOf(opts);
    const io = processOutput();
    if (!opts.out) {
      printError(lang, "Thiếu --out: hãy cho biết tệp cần ghi, ví dụ: chibo sample --out mau.xlsx", "Missing --out: name the file to write, e.g. chibo sample --out sample.xlsx");
      return setExit(EXIT_UNREADABLE);
    }
    if (opts.size !== "commune" && opts.size !== "province") {
      printError(lang, `Cỡ mẫu "${opts.size}" không hợp lệ: dùng commune hoặc province.`, `Size "${opts.size}" is not valid: use commune or province.`);
      return setExit(EXIT_UNREADABLE);
    }
    const seed = parseIntOption(opts.seed);
    const year = parseIntOption(opts.year);
    if (seed === null) {
      printError(lang, `Hạt giống "${opts.seed}" phải là số nguyên.`, `Seed "${opts.seed}" must be a whole number.`);
      return setExit(EXIT_UNREADABLE);
    }
    if (year === null || year < 1990 || year > 2100) {
      printError(lang, `Năm "${opts.year}" không hợp lệ: hãy ghi năm có 4 chữ số, ví dụ 2025.`, `Year "${opts.year}" is not valid: write a 4-digit year such as 2025.`);
      return setExit(EXIT_UNREADABLE);
    }
    const size = opts.size as SampleSize;
    const sample = generateSample({ size, seed, year, defects: Boolean(opts.defects) });
    try {
      await writeWorkbookFile(opts.out, sample.workbook, { boldRows: sample.headerRows });
      if (opts.defects) {
        const body = { size, seed, year, file: opts.out, defects: sample.defects };
        await fs.promises.writeFile(defectsPath(opts.out), JSON.stringify(body, null, 2) + "\n", "utf8");
      }
    } catch (e) {
      const detail = e instanceof Error ? e.message : String(e);
      printError(lang, `Không ghi được tệp ${opts.out}: hãy kiểm tra thư mục có tồn tại và được phép ghi. (${detail})`, `Could not write ${opts.out}: check that the folder exists and is writable. (${detail})`);
      return setExit(EXIT_UNREADABLE);
    }
    // Data rows are the numbered ones (STT); titles, headers and the total row are not counted.
    const counts = sample.workbook.sheets.map((s) => `${s.name}: ${formatCount(s.values.filter((r) => typeof r[0] === "number").length, lang)}`).join(", ");
    io.out(t(lang, `Đã ghi ${opts.out} (số dòng dữ liệu: ${counts})`, `Wrote ${opts.out} (data rows: ${counts})`) + "\n");
    if (opts.defects) {
      io.out(t(lang, `Đã ghi ${defectsPath(opts.out)}: ${sample.defects.length} lỗi cài sẵn`, `Wrote ${defectsPath(opts.out)}: ${sample.defects.length} planted defects`) + "\n");
    }
  });
}
