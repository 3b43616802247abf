import * as fs from "fs";
import * as path from "path";
import { communeFiles } from "../core/sample";
import { fold } from "../core/text/fold";
import { writeWorkbookFile } from "../xlsx/write";
import { EXIT_OK, EXIT_UNREADABLE, Output, formatCount, langOf, parseIntOption, printError, t } from "./common";
import { OutputError, checkOutput, writeOutput } from "./safeWrite";
import type { SampleCliOptions } from "./sample";

/** "Xã Lộc Hải Nam" -> "xa-loc-hai-nam". */
function slug(name: string): string {
  return fold(name).replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
}

/**
 * `chibo sample --communes N --out FOLDER [--seed S] [--year Y] [--defects] [--force]`:
 * a province's worth of commune files to try "Gộp số liệu các xã" and `chibo
 * status` / `chibo merge` on: N commune-size samples (seeds S, S+1, …), each
 * for a different commune (core/sample/communeSet: a repeated name takes a
 * direction word), named 001-xa-….xlsx, and danh-sach-xa.xlsx listing them.
 */
export async function runCommuneSet(opts: SampleCliOptions & { out: string; communes: string }, io: Output): Promise<number> {
  const lang = langOf(opts);
  const n = parseIntOption(opts.communes);
  const first = parseIntOption(opts.seed ?? "1");
  const year = parseIntOption(opts.year ?? "2025");
  if (n === null || n < 1 || n > 5000 || first === null || year === null) {
    printError(lang, { vi: `--communes cần một số xã từ 1 đến 5000 (có "${opts.communes}"), --seed và --year là số nguyên.`, en: `--communes needs a number of communes from 1 to 5000 (got "${opts.communes}"); --seed and --year are whole numbers.` }, io);
    return EXIT_UNREADABLE;
  }
  try {
    await fs.promises.mkdir(opts.out, { recursive: true });
  } catch {
    printError(lang, { vi: `Không tạo được thư mục ${opts.out}: hãy kiểm tra đường dẫn và quyền ghi.`, en: `Could not create the folder ${opts.out}: check the path and write permission.` }, io);
    return EXIT_UNREADABLE;
  }
  const files = communeFiles(Array.from({ length: n }, (_, i) => first + i), { year, defects: Boolean(opts.defects) });
  const width = String(n).length < 3 ? 3 : String(n).length;
  try {
    for (const [i, f] of files.entries()) {
      const target = await checkOutput(path.join(opts.out, `${String(i + 1).padStart(width, "0")}-${slug(f.commune)}.xlsx`), { force: opts.force });
      await writeOutput(target, (temp) => writeWorkbookFile(temp, f.workbook));
    }
    const list = await checkOutput(path.join(opts.out, "danh-sach-xa.xlsx"), { force: opts.force });
    await writeOutput(list, (temp) => writeWorkbookFile(temp, {
      sheets: [{ name: "Danh sách xã", originRow: 1, originCol: 1, values: [["STT", "Tên xã/phường"], ...files.map((f, i) => [i + 1, f.commune])] }],
    }));
  } catch (e) {
    if (!(e instanceof OutputError)) throw e;
    printError(lang, e.userText, io);
    return EXIT_UNREADABLE;
  }
  io.out(t(lang, `Đã ghi ${formatCount(n, lang)} tệp cấp xã và danh-sach-xa.xlsx vào ${opts.out}`, `Wrote ${formatCount(n, lang)} commune files and danh-sach-xa.xlsx into ${opts.out}`) + "\n");
  return EXIT_OK;
}
