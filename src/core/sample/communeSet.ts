import type { CellValue, WorkbookData } from "./deps";
import { SHEET_COMMUNES } from "./layout";
import { generateSample } from "./index";

/** Words a commune's name takes to tell it from another of the same name ("Xã Lộc Hải Nam"), as real names do. */
const SUFFIXES = ["Nam", "Bắc", "Đông", "Tây", "Trung", "Thượng", "Hạ"];

export interface CommuneFile {
  seed: number;
  /** The commune the file reports for, unique in the set. */
  commune: string;
  workbook: WorkbookData;
}

/** The commune a commune-size sample is about: the one its communes list names. */
export function sampleCommune(workbook: WorkbookData): string {
  const list = workbook.sheets.find((s) => s.name === SHEET_COMMUNES);
  const row = list?.values.find((r) => typeof r[0] === "number" && typeof r[1] === "string");
  if (!row) throw new Error("the commune sample has no communes list");
  return row[1] as string;
}

/** Every string cell with the commune's name, as written and in capitals (titles), written with the new one. */
export function renameCommune(workbook: WorkbookData, from: string, to: string): WorkbookData {
  const pairs: Array<[string, string]> = [[from, to], [from.toUpperCase(), to.toUpperCase()]];
  const swap = (v: CellValue): CellValue => {
    if (typeof v !== "string" || v === "") return v;
    let out = v;
    for (const [a, b] of pairs) if (out.includes(a)) out = out.split(a).join(b);
    return out;
  };
  return { ...workbook, sheets: workbook.sheets.map((s) => ({ ...s, values: s.values.map((r) => (r ? r.map(swap) : r)) })) };
}

/**
 * Commune files for a province's tests and benches: one commune-size sample
 * per seed, each for a different commune. The generator draws commune names
 * from one list, so two seeds can name the same commune (seeds 5 and 42 both
 * give "Xã Lộc Hải"); a later seed's commune then takes the first free name
 * made of its own and a direction word ("Xã Lộc Hải Nam"), written everywhere
 * the sample writes its name (rows, titles, its communes list).
 */
export function communeFiles(seeds: readonly number[], opts: { year?: number; defects?: boolean } = {}): CommuneFile[] {
  const taken = new Set<string>();
  const out: CommuneFile[] = [];
  for (const seed of seeds) {
    let workbook = generateSample({ size: "commune", seed, defects: opts.defects ?? false, year: opts.year }).workbook;
    const name = sampleCommune(workbook);
    let commune = name;
    for (let i = 0; taken.has(commune.toLowerCase()); i++) {
      const word = SUFFIXES[i % SUFFIXES.length];
      const round = Math.floor(i / SUFFIXES.length);
      commune = `${name} ${word}${round > 0 ? ` ${round + 1}` : ""}`;
    }
    if (commune !== name) workbook = renameCommune(workbook, name, commune);
    taken.add(commune.toLowerCase());
    out.push({ seed, commune, workbook });
  }
  return out;
}
