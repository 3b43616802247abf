import type { ExcelHost } from "./host";

/** The production host: the only place in src/excel that touches the global Excel and Office. */
export function officeHost(): ExcelHost {
  return {
    run: (batch) => Excel.run(batch),
    isSetSupported: (set, version) => Office.context.requirements.isSetSupported(set, version),
  };
}
