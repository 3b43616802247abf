import * as fs from "fs";
import * as path from "path";
import { generateSample, Sample, sampleFingerprint } from "../src/core/sample";
import { writeWorkbookFile } from "../src/xlsx/write";

/**
 * The shared province workbook for benchmarks: seed 1, province size, year
 * 2025, with the planted defects (so checks have something to find). Made once
 * per process; benches that read .xlsx files get it cached under .cache/.
 */
export const PROVINCE_SEED = 1;
export const PROVINCE_YEAR = 2025;

const cache = new Map<boolean, Sample>();

export function provinceSample(opts: { defects?: boolean } = {}): Sample {
  const defects = opts.defects ?? true;
  let s = cache.get(defects);
  if (!s) {
    s = generateSample({ size: "province", seed: PROVINCE_SEED, year: PROVINCE_YEAR, defects });
    cache.set(defects, s);
  }
  return s;
}

const CACHE_DIR = path.join(__dirname, "..", ".cache");

/**
 * The province sample as an .xlsx file, written on first use and kept in
 * .cache/ (git-ignored). The name carries the generator's inputs and
 * sampleFingerprint(), so a changed generator never reads a stale copy.
 */
export async function provinceXlsx(opts: { defects?: boolean } = {}): Promise<string> {
  const defects = opts.defects ?? true;
  const file = path.join(CACHE_DIR, `province-${sampleFingerprint()}-seed${PROVINCE_SEED}-${PROVINCE_YEAR}${defects ? "-defects" : ""}.xlsx`);
  if (!fs.existsSync(file)) {
    const s = provinceSample({ defects });
    const tmp = `${file}.${process.pid}.tmp`;
    await writeWorkbookFile(tmp, s.workbook, { boldRows: s.headerRows });
    fs.renameSync(tmp, file);
  }
  return file;
}
