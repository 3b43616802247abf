import { RULE_IDS, RuleId, WorkbookData } from "./deps";
import { createRng } from "./prng";
import { generateModel } from "./generate";
import { layoutSample } from "./layout";
import { CELL_DEFECT_RULES, plantDefects } from "./defects";
import { SHEET_DEFECT_RULES, plantSheetDefects } from "./sheetDefects";
import { PlantedDefect, SampleOptions } from "./types";

export type { PlantedDefect, SampleOptions, SampleSize, SampleModel } from "./types";
export { SHEET_CADRES, SHEET_CELLS, SHEET_COMMUNES, SHEET_MEETINGS } from "./layout";

export const DEFAULT_SAMPLE_YEAR = 2025;

/** Bumped whenever the same options would give a different workbook, so cached .xlsx copies are remade. */
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
export { communeFiles, renameCommune, sampleCommune } from "./communeSet";
export type { CommuneFile } from "./communeSet";
