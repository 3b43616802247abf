import { Command, CommanderError } from "commander";
import { registerInspect } from "./inspect";
import { registerSample } from "./sample";
import { registerCheck } from "./check";
import { registerSummary } from "./summary";

/**
 * `chibo`: the same checks and summaries as the add-in, on .xlsx files.
 * Exit codes: 0 fine, 1 the data has errors (check), 2 a file could not be read
 * or the arguments are wrong.
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
  registerInspect(program, setExit);
  registerSample(program, setExit);
  registerCheck(program, setExit);
  registerSummary(program, setExit);
  try {
    await program.parseAsync(argv);
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version end here with code 0; wrong arguments with 1, which we report as 2.
      return e.exitCode === 0 ? 0 : 2;
    }
    throw e;
  }
  return exitCode;
}
