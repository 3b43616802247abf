import type { Dataset, Finding, Period, Settings, SeverityCounts, Text, WorkbookData } from "../model";
import { understand } from "../understand";
import { checkDataset } from "../rules";
import { Places } from "../facts";
import { consolidatedRows, type ConsolidatedRows } from "./canonical";
import { coverageOf } from "./coverage";
import type { FileReport } from "./types";

/** What a commune file is reduced to: its report, its rows in the consolidated layout, and its records for the summary. */
export interface ReducedFile {
  report: FileReport;
  rows: ConsolidatedRows;
  /** The records without what only the check needed (raw cells, parse problems): the summary reads the rest. */
  dataset: Dataset;
}

const zero = (): SeverityCounts => ({ error: 0, warning: 0, info: 0 });
const NO_RAW = Object.freeze({});
const NO_PROBLEMS: never[] = [];

/**
 * Reads one commune file's workbook into what a province keeps of it:
 * understood and checked for the period, then its rows in the consolidated
 * layout and slim records. The workbook and the findings are not kept, so
 * 166 files cost what their rows cost, not what 166 workbooks do.
 */
export function reduceCommuneFile(
  input: { file: string; modified?: number | null; workbook: WorkbookData },
  settings: Settings, period: Period | null,
): ReducedFile {
  const { tables, dataset } = understand(input.workbook);
  // Without a period (chibo merge) nothing is checked: the rows are copied as they are.
  const findings = period ? checkDataset(dataset, tables, settings, period) : [];
  const places = new Places(dataset);

  // Each row's commune as first written, and the file's communes in order of appearance.
  const communes: string[] = [];
  const indexOfKey = new Map<string, number>();
  const rowCommune = new Map<string, number>();
  const place = (recs: ReadonlyArray<{ sheet: string; row: number; commune: string | null; cell: string | null }>) => {
    for (const r of recs) {
      const name = places.communeOf(r);
      if (name === null || name.trim() === "") continue;
      const key = places.commune(name);
      let i = indexOfKey.get(key);
      if (i === undefined) {
        i = communes.length;
        communes.push(name.trim());
        indexOfKey.set(key, i);
      }
      rowCommune.set(`${r.sheet}\u0000${r.row}`, i);
    }
  };
  place(dataset.cells);
  place(dataset.cadres);
  place(dataset.meetings);
  const listed = dataset.communes.map((c) => c.commune).filter((c): c is string => c !== null && c.trim() !== "").map((c) => c.trim());
  // A file whose rows name no commune but whose list names exactly one is that commune's report.
  const rows = dataset.cells.length + dataset.cadres.length + dataset.meetings.length;
  if (communes.length === 0 && listed.length === 1 && rows > 0) communes.push(listed[0]);

  const counts = communes.map(zero);
  for (const f of findings) countFinding(f, counts, rowCommune);

  const consolidated = consolidatedRows(dataset, places, input.file);
  // Each record keeps the commune it was placed in: beside other communes' files, a cell name such as
  // "Chi bộ Thôn 1" no longer says which commune it belongs to.
  for (const recs of [dataset.cells, dataset.cadres, dataset.meetings] as Array<Array<{ commune: string | null; cell: string | null }>>) {
    for (const r of recs) if (r.commune === null || r.commune.trim() === "") r.commune = places.communeOf(r);
  }
  for (const recs of [dataset.cells, dataset.cadres, dataset.meetings, dataset.communes] as Array<Array<{ raw: unknown; problems: unknown }>>) {
    for (const r of recs) {
      r.raw = NO_RAW;
      r.problems = NO_PROBLEMS;
    }
  }
  return {
    report: {
      file: input.file,
      modified: input.modified ?? null,
      communes,
      counts,
      listed,
      isList: rows === 0 && listed.length > 0,
      coverage: coverageOf(dataset),
      rows,
    },
    rows: consolidated,
    dataset,
  };
}

/** A finding counts for the commune of its row; one tied to no row (a sheet, a table) counts for every commune of the file. */
function countFinding(f: Finding, counts: SeverityCounts[], rowCommune: Map<string, number>): void {
  const i = rowCommune.get(`${f.sheet}\u0000${f.row}`);
  if (i !== undefined) counts[i][f.severity]++;
  else for (const c of counts) c[f.severity]++;
}

/** A file that could not be read: its name and the reader's sentence, nothing else. */
export function failedFile(file: string, message: Text, modified?: number | null): FileReport {
  return {
    file, modified: modified ?? null, communes: [], counts: [], listed: [], isList: false, coverage: null, rows: 0,
    failed: message,
  };
}
