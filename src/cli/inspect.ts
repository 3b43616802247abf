import { Command } from "commander";

// Placeholder until the command lands; it says so instead of pretending.
export function registerInspect(program: Command, setExit: (code: number) => void): void {
  program.command("inspect").description("(chưa có)").allowUnknownOption().action(() => {
    process.stderr.write("Lệnh 'inspect' chưa được cài đặt.\n");
    setExit(2);
  });
}
