export { summarize } from "./summarize";
export type { SummarizeOptions } from "./summarize";
export { formatPct, pctHundredths, countPct, formatNumberVi, formatPctVi, pctPointDiff } from "./pct";
export { communeKey } from "./communes";
export { meetsQuality } from "../facts";
export * from "./types";
