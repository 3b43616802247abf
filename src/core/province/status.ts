import type { SeverityCounts } from "../model";
import { PlaceKeys } from "../text/identity";
import { compareVi } from "../text/collate";
import { coverageLabel } from "./coverage";
import type { FileReport, StatusRow, StatusTable } from "./types";

interface Sent {
  report: FileReport;
  index: number;
}

/** The newer file first (a commune that sent again meant the new one); unknown dates last; then by name. */
function newerFirst(a: Sent, b: Sent): number {
  const ma = a.report.modified ?? -Infinity;
  const mb = b.report.modified ?? -Infinity;
  return mb - ma || compareVi(a.report.file, b.report.file);
}

/**
 * Who has sent what: one row per commune, in the order of the communes list
 * (`list`, or else a chosen file that is only a list), or in Vietnamese order
 * when there is none. A listed commune with no file is "missing"; one whose
 * file has errors for the period is "errors"; else "sent". Two files from one
 * commune both show, the newer one used. Names are matched as places are
 * everywhere (text/identity): "Xã Yên Lạc", "Yên Lạc" and "xa yen lac" are one.
 */
export function communeStatus(reports: readonly FileReport[], list: readonly string[] | null = null): StatusTable {
  const fromFiles = reports.filter((r) => !r.failed && r.isList).flatMap((r) => r.listed);
  const names = list && list.length > 0 ? list : fromFiles;
  const keys = new PlaceKeys();
  keys.aliasUnmarkedCommunes([...names, ...reports.flatMap((r) => r.communes)]);

  const byKey = new Map<string, Sent[]>();
  const spelling = new Map<string, string>();
  const noCommune: string[] = [];
  for (const report of reports) {
    if (report.failed || report.isList) continue;
    if (report.communes.length === 0) noCommune.push(report.file);
    report.communes.forEach((name, index) => {
      const key = keys.commune(name);
      if (!spelling.has(key)) spelling.set(key, name);
      const list = byKey.get(key);
      if (list) list.push({ report, index });
      else byKey.set(key, [{ report, index }]);
    });
  }

  const rowFor = (key: string, name: string, listed: boolean): StatusRow => {
    const sent = (byKey.get(key) ?? []).slice().sort(newerFirst);
    const used = sent[0];
    const counts: SeverityCounts = used ? { ...used.report.counts[used.index] } : { error: 0, warning: 0, info: 0 };
    return {
      commune: name,
      status: !used ? "missing" : counts.error > 0 ? "errors" : "sent",
      files: sent.map((s, i) => ({ file: s.report.file, period: coverageLabel(s.report.coverage), used: i === 0 })),
      counts,
      listed,
    };
  };

  const used = new Map<string, string[]>();
  const choose = (row: StatusRow, key: string) => {
    const first = (byKey.get(key) ?? []).slice().sort(newerFirst)[0];
    if (!first) return row;
    const list = used.get(first.report.file) ?? [];
    list.push(first.report.communes[first.index]);
    used.set(first.report.file, list);
    return row;
  };

  const rows: StatusRow[] = [];
  const done = new Set<string>();
  for (const name of names) {
    const key = keys.commune(name);
    if (done.has(key)) continue;
    done.add(key);
    rows.push(choose(rowFor(key, name.trim(), true), key));
  }
  const extra = [...byKey.keys()].filter((k) => !done.has(k)).map((k) => choose(rowFor(k, spelling.get(k)!, false), k));
  rows.push(...extra.sort((a, b) => compareVi(a.commune, b.commune)));

  return {
    rows,
    unreadable: reports.filter((r) => r.failed).map((r) => ({ file: r.file, message: r.failed! })),
    noCommune,
    listOrder: names.length > 0,
    used: [...used].map(([file, communes]) => ({ file, communes })),
  };
}
