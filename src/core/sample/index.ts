import { RULE_IDS, RuleId, WorkbookData } from "./deps";
import { createRng } from "./prng";
import { generateModel } from "./generate";
import { layoutSample } from "./layout";
import { CELL_DEFECT_RULES, plantDefects } from "./defects";
import { SHEET_DEFECT_RULES, plantSheetDefects } from "./sheetDefects";
import { PlantedDefect, SampleOptions } from "./types";
import { hashWorkbook } from "./fingerprint";

export type { PlantedDefect, SampleOptions, SampleSize, SampleModel } from "./types";
export { SHEET_CADRES, SHEET_CELLS, SHEET_COMMUNES, SHEET_MEETINGS } from "./layout";

export const DEFAULT_SAMPLE_YEAR = 2025;

/**
 * Part of sampleFingerprint: bump it only for a change a commune sample does not show (the province's size);
 * any other change of the generator changes the fingerprint by itself.
 */
export const SAMPLE_VERSION = 2;

/**
 * The rules the sample with defects plants, each at least twice, in RULE_IDS order: the keys of the planters'
 * tables (defects.ts, sheetDefects.ts), so a rule is here once it has a planter. A rule without one is not
 * in the demo: docs/RULES.md lists those.
 */
export const PLANTED_RULES: readonly RuleId[] = RULE_IDS.filter((id) => CELL_DEFECT_RULES.includes(id) || SHEET_DEFECT_RULES.includes(id));

export interface Sample {
  workbook: WorkbookData;
  defects: PlantedDefect[];
  /** Header rows per sheet (1-based), for writers that bold them. */
  headerRows: Record<string, number[]>;
}

/**
 * A realistic, deterministic workbook of party cells, cadres and meetings:
 * the same options give the same workbook on every machine. Clean (defects:
 * false) it gives no error and no warning under DOMAIN.md's default rules, only
 * the `meeting/quality` infos real meetings have. With defects it also holds
 * known errors, at least two for each rule of PLANTED_RULES, listed in `defects`.
 */
export function generateSample(opts: SampleOptions): Sample {
  const year = opts.year ?? DEFAULT_SAMPLE_YEAR;
  const model = generateModel(opts.size, opts.seed, year);
  const layout = layoutSample(model);
  const defects = opts.defects ? plantDefects(layout, createRng(opts.seed * 7 + 1), year) : [];
  if (opts.defects) defects.push(...plantSheetDefects(layout.workbook, year));
  return { workbook: layout.workbook, defects, headerRows: layout.headerRows };
}
/**
 * A short name for what the generator makes today, for the names of cached sample files (.cache/ of the
 * benches and the browser tests): taken from a commune sample with defects (seed 1, a few thousand cells,
 * made in tens of milliseconds), so a change to the generator's names, layout or planted defects names new
 * files by itself, and no stale copy is read.
 */
export function sampleFingerprint(): string {
  fingerprint ??= `v${SAMPLE_VERSION}-${hashWorkbook(generateSample({ size: "commune", seed: 1, defects: true }).workbook)}`;
  return fingerprint;
}
let fingerprint: string | undefined;

export { communeFiles, renameCommune, sampleCommune } from "./communeSet";
export type { CommuneFile } from "./communeSet";
