import { Command } from "commander";

// Placeholder until the command lands; it says so instead of pretending.
export function registerSample(program: Command, setExit: (code: number) => void): void {
  program.command("sample").description("(chưa có)").allowUnknownOption().action(() => {
    process.stderr.write("Lệnh 'sample' chưa được cài đặt.\n");
    setExit(2);
  });
}
