/**
 * Making the province sample, then reading the province workbook (.xlsx, ~190,000 rows, ~3 million cells) with
 * the streaming reader. Budget: 20 s and 1.5 GB peak RSS on the 2-core CI box
 * (measured 5.4-6.6 s, peak ~420-520 MB including the generated sample kept
 * for comparison, while others were busy); exits 1 when broken.
 */
import { readWorkbookFile } from "../src/xlsx/read";
import { generateSample } from "../src/core/sample";
import { PROVINCE_SEED, PROVINCE_YEAR, provinceSample, provinceXlsx } from "./province";

const BUDGET_MS = 20000;
/** DOMAIN's province size must come out of the generator "in a few seconds". */
const BUDGET_GENERATE_MS = 5000;
const BUDGET_RSS_MB = 1536;

async function run(): Promise<number> {
  const g0 = process.hrtime.bigint();
  generateSample({ size: "province", seed: PROVINCE_SEED, year: PROVINCE_YEAR, defects: true });
  const genMs = Number(process.hrtime.bigint() - g0) / 1e6;
  console.log(`sample: province generated in ${(genMs / 1000).toFixed(2)} s (budget ${BUDGET_GENERATE_MS / 1000} s)`);
  const file = await provinceXlsx();
  const expected = provinceSample();
  // The generated sample (kept for the comparison) is already in memory: report it, so the reader's own share shows.
  const baseRss = process.memoryUsage().rss;
  let peakRss = baseRss;
  const sampleRss = () => { peakRss = Math.max(peakRss, process.memoryUsage().rss); };
  const timer = setInterval(sampleRss, 50);
  const t0 = process.hrtime.bigint();
  const wb = await readWorkbookFile(file, { onProgress: sampleRss });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  clearInterval(timer);
  sampleRss();
  const rows = wb.sheets.reduce((n, s) => n + s.values.length, 0);
  const cells = wb.sheets.reduce((n, s) => n + s.values.length * (s.values[0]?.length ?? 0), 0);
  const same = wb.sheets.length === expected.workbook.sheets.length && wb.sheets.every((s, i) => s.values.length === expected.workbook.sheets[i].values.length);
  const mb = peakRss / 1024 / 1024;
  console.log(`xlsx-read: ${file}`);
  console.log(`xlsx-read: ${rows} rows, ${cells} cells in ${(ms / 1000).toFixed(2)} s (budget ${BUDGET_MS / 1000} s), peak RSS ${mb.toFixed(0)} MB (budget ${BUDGET_RSS_MB} MB; ${(baseRss / 1024 / 1024).toFixed(0)} MB before reading)`);
  let failed = 0;
  if (genMs > BUDGET_GENERATE_MS) { console.log("sample: FAIL over the generation budget"); failed++; }
  if (!same) { console.log("xlsx-read: FAIL the rows read differ from the generated sample"); failed++; }
  if (ms > BUDGET_MS) { console.log("xlsx-read: FAIL over the time budget"); failed++; }
  if (mb > BUDGET_RSS_MB) { console.log("xlsx-read: FAIL over the memory budget"); failed++; }
  if (!failed) console.log("xlsx-read: ok");
  return failed ? 1 : 0;
}

run().then((code) => { process.exitCode = code; }, (e) => { console.error(`xlsx-read: ${e instanceof Error ? e.message : e}`); process.exitCode = 1; });
