import type { SeverityCounts, Text } from "../model";

/** A commune's report: sent and clean of errors, sent with errors, or not sent (a listed commune with no file). */
export type CommuneStatusCode = "sent" | "errors" | "missing";

/** The months a file's meetings cover, first to last. */
export interface Coverage {
  from: { y: number; m: number };
  to: { y: number; m: number };
}

/** What is kept of one commune file once it is read, understood and checked: a few numbers and names. */
export interface FileReport {
  /** The file's name as the user chose it. */
  file: string;
  /** Last modified (ms since 1970) when known: of two files from one commune, the newer is used. */
  modified: number | null;
  /** The communes its rows belong to, as first written in the file. */
  communes: string[];
  /** Findings per commune (same order as `communes`); findings tied to no row count for every commune of the file. */
  counts: SeverityCounts[];
  /** The names its COMMUNES table lists, in order. */
  listed: string[];
  /** A list of communes and nothing else: the province's own list, not a commune's report. */
  isList: boolean;
  coverage: Coverage | null;
  /** Data rows read (cells, cadres, meetings). */
  rows: number;
  /** Set when the file could not be read at all: the reader's sentence, which names the file and says what to do. */
  failed?: Text;
}

export interface StatusFile {
  file: string;
  /** "Quý III/2025", "01/2025 – 09/2025"; null when the file has no dated meeting. */
  period: Text | null;
  /** Whether this file's rows are the commune's (of two files, the newer is used). */
  used: boolean;
}

export interface StatusRow {
  commune: string;
  status: CommuneStatusCode;
  /** Every file that holds this commune's rows, the used one first. */
  files: StatusFile[];
  /** Findings of the used file for this commune; zeros when missing. */
  counts: SeverityCounts;
  /** In the communes list (false: a file sent a commune the list does not have). */
  listed: boolean;
}

export interface StatusTable {
  rows: StatusRow[];
  /** Files that could not be read, each with its sentence. */
  unreadable: Array<{ file: string; message: Text }>;
  /** Files read whose rows name no commune. */
  noCommune: string[];
  /** Whether the order is the communes list's (else Vietnamese alphabetical order). */
  listOrder: boolean;
  /** Which communes' rows each file gives (as the file spells them): of two files from one commune, the newer. */
  used: Array<{ file: string; communes: string[] }>;
}
