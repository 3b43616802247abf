import { Command, Option } from "commander";
import { addLangOption, vietnameseArgumentErrors } from "./common";

/**
 * What `chibo --help` shows: every command, its arguments and options. Each
 * action loads its command's module only when it runs, so `chibo --help`
 * (and `chibo check --help`) loads neither the core nor ExcelJS. Keep heavy
 * imports out of this file and out of common.ts: test/cli/startup.test.ts
 * fails when --help loads them.
 */
export type SetExit = (code: number) => void;

function finish(cmd: Command): Command {
  addLangOption(cmd);
  vietnameseArgumentErrors(cmd);
  return cmd;
}

export function declareInspect(program: Command, setExit: SetExit): void {
  const cmd = program
    .command("inspect")
    .description("Cho biết trang nào chứa bảng nào, dòng tiêu đề và các cột đã nhận ra / show detected tables and columns")
    .argument("<files...>", "các tệp .xlsx / .xlsx files")
    .option("--json", "in kết quả dạng JSON / print JSON");
  finish(cmd).action(async (files: string[], opts) => {
    setExit(await (await import("./inspect")).runInspect(files, opts));
  });
}

export function declareSample(program: Command, setExit: SetExit): void {
  const cmd = program
    .command("sample")
    .description("Tạo tệp .xlsx mẫu (chi bộ, cán bộ, sinh hoạt) / write a sample workbook")
    .option("--out <file>", "tệp .xlsx sẽ ghi / output .xlsx file")
    .addOption(new Option("--size <size>", "cỡ mẫu: commune (một xã) hoặc province (cả tỉnh)").default("commune"))
    .option("--seed <n>", "hạt giống ngẫu nhiên: cùng hạt giống cho cùng tệp / random seed", "1")
    .option("--year <y>", "năm báo cáo / reporting year", "2025")
    .option("--defects", "cài sẵn các lỗi đã biết và ghi danh sách lỗi ra FILE.defects.json")
    .option("--communes <n>", "ghi n tệp cấp xã, mỗi tệp một xã khác nhau, và danh sách xã, vào thư mục --out / write n commune files, each for another commune, and the list, into the folder --out")
    .option("--force", "ghi đè tệp đã có / replace existing files");
  finish(cmd).action(async (opts) => {
    setExit(await (await import("./sample")).runSample(opts));
  });
}

export function declareCheck(program: Command, setExit: SetExit): void {
  const cmd = program
    .command("check")
    .description("Kiểm tra tệp .xlsx theo các quy tắc của DOMAIN.md / check .xlsx files against the rules")
    .argument("<files...>", "tệp .xlsx cần kiểm tra / .xlsx files to check")
    .option("--period <period>", 'kỳ báo cáo: "2026-Q3" (quý) hoặc "2026" (năm); mặc định: năm của buổi sinh hoạt gần nhất')
    .option("--json", "in đúng một tài liệu JSON ra stdout / print one JSON document on stdout")
    .option("--all", "in mọi phát hiện (mặc định tối đa 100 mỗi quy tắc) / print every finding");
  finish(cmd).action(async (files: string[], opts) => {
    setExit(await (await import("./check")).runCheck(files, opts));
  });
}

export function declareSummary(program: Command, setExit: SetExit): void {
  const cmd = program
    .command("summary")
    .description("Tổng hợp biểu 1, 2, 3 (bí thư chi bộ, cấp ủy viên cơ sở, sinh hoạt chi bộ) cho một kỳ / Summary tables for a period")
    .argument("<files...>", "tệp .xlsx (nhiều tệp được cộng lại) / .xlsx files (summed together)")
    .requiredOption("--period <period>", "kỳ báo cáo: 2026-Q3 (quý) hoặc 2026 (năm) / period")
    .addOption(new Option("--rounding <mode>", "làm tròn (round) hoặc cắt bớt (truncate) / rounding mode").choices(["round", "truncate"]).default("round"))
    .option("--json", "in một tài liệu JSON / print one JSON document")
    .option("--compare", "thêm cột cùng kỳ năm trước và tăng/giảm (biểu 3) / compare with the same period last year")
    .option("--compare-term", "so sánh biểu 1, 2 với khóa trước (theo cột Nhiệm kỳ) / compare tables 1, 2 with the previous term (Term column)")
    .option("--previous-roster <file>", "danh sách cán bộ khóa trước trong tệp .xlsx khác / the previous term's roster in another .xlsx")
    .option("--previous-sheet <sheet>", "danh sách cán bộ khóa trước là một trang của tệp đầu vào / the previous term's roster is a sheet of the input")
    .option("--text", "chỉ in đoạn báo cáo (văn xuôi) / print the report paragraph only")
    .option("--out <file>", "ghi tệp .xlsx mới: bản sao tệp đầu vào thêm trang Tổng hợp (nhiều tệp: chỉ trang Tổng hợp) / write a new .xlsx: the input plus the summary sheet (several inputs: the summary sheet only)")
    .option("--force", "ghi đè tệp --out đã có / replace an existing --out file");
  finish(cmd).action(async (files: string[], opts) => {
    setExit(await (await import("./summary")).runSummary(files, opts));
  });
}

export function declareStatus(program: Command, setExit: SetExit): void {
  const cmd = program
    .command("status")
    .description("Tình hình nộp báo cáo của các xã: đã nộp, có lỗi, chưa nộp / who has sent their report, with errors, or not at all")
    .argument("<files...>", "tệp .xlsx của các xã / the communes' .xlsx files")
    .requiredOption("--period <period>", "kỳ báo cáo: 2025-Q3 (quý) hoặc 2025 (năm) / period")
    .option("--communes <file>", "tệp .xlsx có danh sách xã của tỉnh (để biết xã nào chưa nộp) / a .xlsx with the province's communes list")
    .option("--json", "in một tài liệu JSON / print one JSON document");
  finish(cmd).action(async (files: string[], opts) => {
    setExit(await (await import("./province")).runStatus(files, opts));
  });
}

export function declareMerge(program: Command, setExit: SetExit): void {
  const cmd = program
    .command("merge")
    .description("Gộp số liệu các xã vào một tệp: các trang Chi bộ, Cán bộ, Sinh hoạt (các xã) / merge the communes' rows into one workbook")
    .argument("<files...>", "tệp .xlsx của các xã / the communes' .xlsx files")
    .requiredOption("--out <file>", "tệp .xlsx sẽ ghi (không ghi đè tệp đầu vào) / the .xlsx to write (never an input)")
    .option("--communes <file>", "tệp .xlsx có danh sách xã của tỉnh / a .xlsx with the province's communes list")
    .option("--period <period>", "kỳ báo cáo: thêm trang Tình hình nộp báo cáo / period: adds the report submissions sheet")
    .option("--force", "ghi đè tệp --out đã có / replace an existing --out file");
  finish(cmd).action(async (files: string[], opts) => {
    setExit(await (await import("./province")).runMerge(files, opts));
  });
}

/** Every command, in the order `chibo --help` lists them. */
export function declareCommands(program: Command, setExit: SetExit): void {
  declareInspect(program, setExit);
  declareSample(program, setExit);
  declareCheck(program, setExit);
  declareSummary(program, setExit);
  declareStatus(program, setExit);
  declareMerge(program, setExit);
}
