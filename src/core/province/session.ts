import type { CellValue, CommuneRecord, Dataset, Period, Settings, SheetData, Text, WorkbookData, WritePlan } from "../model";
import { PlaceKeys } from "../text/identity";
import { CONSOLIDATED_KINDS, type ConsolidatedKind } from "./canonical";
import { mergeConsolidated, planConsolidatedSheets, type Incoming } from "./consolidate";
import { failedFile, reduceCommuneFile, type ReducedFile } from "./reduce";
import { communeStatus } from "./status";
import { planStatusSheet } from "./statusSheet";
import type { FileReport, StatusTable } from "./types";

/**
 * A province's consolidation, file by file: each commune file is reduced as it
 * comes (read, understood, checked, then only its report, its rows and slim
 * records kept), so memory grows with the rows, never with 166 workbooks.
 * The status, the summary's dataset, the consolidated sheets and the status
 * sheet all come from what is kept.
 */
export class ProvinceSession {
  private readonly files: Array<ReducedFile | { report: FileReport }> = [];
  private list: CommuneRecord[];

  constructor(
    /** The period the files are checked for; null to copy them without checking (no status counts). */
    readonly period: Period | null,
    readonly settings: Settings,
    /** The province's list of communes (a COMMUNES table), when the caller has one. */
    list: readonly CommuneRecord[] = [],
  ) {
    this.list = [...list];
  }

  /** Reads one file's workbook into the session; a file with the same name replaces the one before. */
  add(file: string, workbook: WorkbookData, modified?: number | null): FileReport {
    this.drop(file);
    const reduced = reduceCommuneFile({ file, workbook, modified }, this.settings, this.period);
    this.files.push(reduced);
    return reduced.report;
  }

  /** A file that could not be read, kept so the status names it with its sentence. */
  failed(file: string, message: Text, modified?: number | null): FileReport {
    this.drop(file);
    const report = failedFile(file, message, modified);
    this.files.push({ report });
    return report;
  }

  drop(file: string): void {
    const i = this.files.findIndex((f) => f.report.file === file);
    if (i >= 0) this.files.splice(i, 1);
  }

  get size(): number {
    return this.files.length;
  }

  /** The list in use: the caller's, or else a chosen file that is only a list. */
  private listRecords(): CommuneRecord[] {
    if (this.list.length > 0) return this.list;
    for (const f of this.files) if ("dataset" in f && f.report.isList) return f.dataset.communes;
    return [];
  }

  status(): StatusTable {
    const names = this.listRecords().map((r) => r.commune).filter((c): c is string => c !== null && c.trim() !== "");
    return communeStatus(this.files.map((f) => f.report), names);
  }

  /** Each used file with the communes it gives (of two files from one commune, the newer). */
  private used(): Array<{ file: ReducedFile; communes: string[] }> {
    const table = this.status();
    return table.used.flatMap((u) => {
      const file = this.files.find((f): f is ReducedFile => f.report.file === u.file && "dataset" in f);
      return file ? [{ file, communes: u.communes }] : [];
    });
  }

  /**
   * The records the summary counts: each commune's from its used file, the
   * list's communes (so a commune with no file shows "chưa có số liệu"), and,
   * when given, the open workbook's own records for communes no file sends.
   */
  dataset(workbook?: Dataset): { dataset: Dataset; workbookCommunesLeftOut: string[] } {
    const keys = new PlaceKeys();
    const used = this.used();
    keys.aliasUnmarkedCommunes([
      ...used.flatMap((u) => u.communes),
      ...(workbook ? [...workbook.cells, ...workbook.cadres, ...workbook.meetings].map((r) => r.commune) : []),
    ]);
    const out: Dataset = { cells: [], cadres: [], meetings: [], communes: [...this.listRecords()] };
    const fromFiles = new Set<string>();
    for (const { file, communes } of used) {
      const mine = new Set(communes.map((c) => keys.commune(c)));
      for (const k of mine) fromFiles.add(k);
      const take = <R extends { commune: string | null }>(rows: readonly R[]) =>
        rows.filter((r) => (r.commune === null ? file.report.communes.length > 0 : mine.has(keys.commune(r.commune))));
      out.cells.push(...take(file.dataset.cells));
      out.cadres.push(...take(file.dataset.cadres));
      out.meetings.push(...take(file.dataset.meetings));
    }
    const leftOut = new Set<string>();
    if (workbook) {
      // The files win: the workbook's rows of a commune that also came in a file are not counted twice.
      const take = <R extends { commune: string | null }>(rows: readonly R[]) =>
        rows.filter((r) => {
          if (r.commune === null || !fromFiles.has(keys.commune(r.commune))) return true;
          leftOut.add(r.commune);
          return false;
        });
      out.cells.push(...take(workbook.cells));
      out.cadres.push(...take(workbook.cadres));
      out.meetings.push(...take(workbook.meetings));
      if (out.communes.length === 0) out.communes.push(...workbook.communes);
    }
    return { dataset: out, workbookCommunesLeftOut: [...leftOut] };
  }

  /** The consolidated sheets after importing the used files into `existing` (the sheets as they are now). */
  consolidatedPlan(existing: Partial<Record<ConsolidatedKind, SheetData>>): WritePlan {
    const incoming: Incoming[] = this.used().map(({ file, communes }) => ({ file: file.report.file, rows: file.rows, communes }));
    const order = this.status().rows.map((r) => r.commune);
    return planConsolidatedSheets(mergeConsolidated(existing, incoming, order));
  }

  /** How many rows each consolidated sheet gets from the files. */
  incomingRows(): Record<ConsolidatedKind, number> {
    const out = { cells: 0, cadres: 0, meetings: 0 };
    for (const { file } of this.used()) for (const k of CONSOLIDATED_KINDS) out[k] += file.rows[k].length;
    return out;
  }

  statusPlan(lang: "vi" | "en"): WritePlan {
    return planStatusSheet(this.status(), this.period, lang);
  }

  /** The consolidated sheets' rows, for a host that writes a new workbook (chibo merge). */
  consolidatedRows(): Record<ConsolidatedKind, CellValue[][]> {
    const incoming: Incoming[] = this.used().map(({ file, communes }) => ({ file: file.report.file, rows: file.rows, communes }));
    return mergeConsolidated({}, incoming, this.status().rows.map((r) => r.commune));
  }

  /** The list of communes in use (the caller's or a list file's), as records. */
  communeList(): CommuneRecord[] {
    return this.listRecords();
  }
}
