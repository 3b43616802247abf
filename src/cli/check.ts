import { Command } from "commander";

// Placeholder until the command lands; it says so instead of pretending.
export function registerCheck(program: Command, setExit: (code: number) => void): void {
  program.command("check").description("(chưa có)").allowUnknownOption().action(() => {
    process.stderr.write("Lệnh 'check' chưa được cài đặt.\n");
    setExit(2);
  });
}
