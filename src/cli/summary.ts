import { Command } from "commander";

// Placeholder until the command lands; it says so instead of pretending.
export function registerSummary(program: Command, setExit: (code: number) => void): void {
  program.command("summary").description("(chưa có)").allowUnknownOption().action(() => {
    process.stderr.write("Lệnh 'summary' chưa được cài đặt.\n");
    setExit(2);
  });
}
