import { Command, CommanderError } from "commander";
import { declareCommands } from "./commands";
import { errnoCode, ioFailureMessage } from "./ioErrors";

/**
 * `chibo`: the same checks and summaries as the add-in, on .xlsx files.
 * Exit codes: 0 fine, 1 the data has errors (check), 2 a file could not be read
 * or written, or the arguments are wrong.
 */
export async function main(argv: string[]): Promise<number> {
  const program = new Command();
  program
    .name("chibo")
    .description("Tổng hợp Chi bộ: kiểm tra và tổng hợp số liệu chi bộ từ tệp .xlsx")
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  let exitCode = 0;
  const setExit = (code: number) => { exitCode = Math.max(exitCode, code); };
  declareCommands(program, setExit);
  try {
    await program.parseAsync(argv);
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version end here with code 0; wrong arguments with 1, which we report as 2.
      return e.exitCode === 0 ? 0 : 2;
    }
    // A system error the command did not expect (a file vanished, a disk failed) still gets a plain sentence.
    const code = errnoCode(e);
    if (code === null) throw e;
    const file = typeof (e as { path?: unknown }).path === "string" ? (e as { path: string }).path : "?";
    const m = ioFailureMessage(code, file);
    process.stderr.write(`${wantsEnglish(argv) ? m.en : m.vi}\n`);
    return 2;
  }
  return exitCode;
}

function wantsEnglish(argv: readonly string[]): boolean {
  return argv.some((a, i) => a === "--lang=en" || (a === "en" && argv[i - 1] === "--lang"));
}
