import { type Dataset, type DetectedTable, type Finding, type SheetData, type Text, type WorkbookData, userTextOf } from "../core/model";
import { CONSOLIDATED_KINDS, CONSOLIDATED_SHEETS, ProvinceSession, type ConsolidatedKind } from "../core/province";
import type { Core, Engine, Handle, HandleKind, ProvinceFile } from "./engine";
import { CancelledError } from "./errors";
import { EngineError } from "./engineError";
import { findingsView, fixableFindings, fixRequests, highlightTargets, groupsInOrder, filterFindings, selectFixes } from "./findingsView";
import { previewWorkbook } from "./preview";

type Held =
  | { kind: "workbook"; workbook: WorkbookData }
  | { kind: "dataset"; dataset: Dataset; tables: DetectedTable[]; workbook: WorkbookData }
  | { kind: "findings"; findings: Finding[] }
  | { kind: "province"; session: ProvinceSession };

/** Reads an .xlsx file's bytes; throws an error carrying the reader's userText when it cannot. */
export type ReadWorkbookBytes = (bytes: Uint8Array, fileName: string) => WorkbookData;

export interface LocalEngineOptions {
  /** The .xlsx reader for "Gộp số liệu các xã"; without one, adding files is refused. */
  readWorkbookBytes?: ReadWorkbookBytes;
}

async function bytesOf(data: ProvinceFile["data"]): Promise<Uint8Array> {
  if (data instanceof Uint8Array) return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(await data.arrayBuffer());
}

/** The sentence for a file the reader refused: its own when it has one, else a plain one naming the file. */
function unreadable(name: string, err: unknown): Text {
  return userTextOf(err) ?? {
    vi: `Không đọc được tệp ${name}: hãy mở tệp bằng Excel, lưu lại dưới dạng "Excel Workbook (.xlsx)" rồi chọn lại.`,
    en: `File ${name} could not be read: open it in Excel, save it as "Excel Workbook (.xlsx)" and choose it again.`,
  };
}

function throwIfCancelled(signal?: AbortSignal): void {
  if (signal?.aborted) throw new CancelledError();
}

/**
 * The engine in the calling thread: the one implementation of Engine's
 * bookkeeping. The pane's Web Worker runs this very object (core.worker.ts),
 * jest and Node call it directly. `gen` stamps its handles (see Handle).
 */
export function createLocalEngine(core: Core, gen = 0, options: LocalEngineOptions = {}): Engine {
  const held = new Map<number, Held>();
  let next = 1;
  const keep = <K extends HandleKind>(kind: K, value: Extract<Held, { kind: K }>): Handle<K> => {
    const id = next++;
    held.set(id, value);
    return { kind, id, gen };
  };
  const get = <K extends HandleKind>(h: Handle<K>): Extract<Held, { kind: K }> => {
    const v = h && h.gen === gen ? held.get(h.id) : undefined;
    if (!v || v.kind !== h.kind) throw new EngineError("stale");
    return v as Extract<Held, { kind: K }>;
  };
  // The pane pages through one query's groups: grouping 100,000 findings once per query, not once per page.
  let grouped: { findings: Finding[]; key: string; groups: Map<string, Finding[]> } | null = null;
  const groupItems = (findings: Finding[], query: Parameters<Engine["findings"]>[1], group: string) => {
    const key = `${query.sheet ?? ""}\u0000${query.severity ?? ""}\u0000${query.rule ?? ""}`;
    if (!grouped || grouped.findings !== findings || grouped.key !== key) {
      grouped = { findings, key, groups: new Map(groupsInOrder(filterFindings(findings, query)).map((g) => [g.key, g.items])) };
    }
    return grouped.groups.get(group) ?? [];
  };

  return {
    async loadWorkbook(workbook, onProgress, signal) {
      throwIfCancelled(signal);
      onProgress?.(1);
      return keep("workbook", { kind: "workbook", workbook });
    },
    async understand(h, userMappings, signal) {
      throwIfCancelled(signal);
      const { workbook } = get(h);
      const { tables, dataset } = core.understand(workbook, userMappings?.length ? userMappings : undefined);
      throwIfCancelled(signal);
      return {
        dataset: keep("dataset", { kind: "dataset", dataset, tables, workbook }), tables, preview: previewWorkbook(workbook, tables),
        sheetNotes: dataset.sheetNotes ?? [],
      };
    },
    async check(h, settings, period, signal) {
      throwIfCancelled(signal);
      const { dataset, tables } = get(h);
      const findings = core.checkDataset(dataset, tables, settings, period);
      throwIfCancelled(signal);
      return { findings: keep("findings", { kind: "findings", findings }), view: findingsView(findings, {}) };
    },
    async findings(h, query) {
      return findingsView(get(h).findings, query);
    },
    async findingsPage(h, query, key, offset, limit) {
      return groupItems(get(h).findings, query, key).slice(offset, offset + limit);
    },
    async fixable(h, query, offset, limit) {
      const all = fixableFindings(get(h).findings, query);
      return { total: all.length, items: all.slice(offset, offset + limit) };
    },
    async fixRequests(h, query, selection) {
      return fixRequests(selectFixes(fixableFindings(get(h).findings, query), selection));
    },
    async highlightTargets(h, query) {
      return highlightTargets(get(h).findings, query);
    },
    async summarize(h, period, settings, opts, signal) {
      throwIfCancelled(signal);
      const summary = core.summarize(get(h).dataset, period, settings, opts);
      throwIfCancelled(signal);
      return summary;
    },
    async planSummarySheet(summary, opts) {
      return core.planSummarySheet(summary, opts);
    },
    async planFormFill(form, summary) {
      return core.planFormFill(form, summary);
    },
    async formSheets(h, summary) {
      const { workbook, tables } = get(h);
      return core.formSheets(workbook, tables, summary);
    },
    async planFindingsSheet(h, query, lang) {
      return core.planFindingsSheet(filterFindings(get(h).findings, query), lang);
    },
    async planTemplateSheets() {
      return core.planTemplateSheets();
    },
    async provinceOpen(start) {
      const list = start.list ? get(start.list).dataset.communes : [];
      return keep("province", { kind: "province", session: new ProvinceSession(start.period, start.settings, list) });
    },
    async provinceAdd(h, files, onProgress, signal) {
      const { session } = get(h);
      const read = options.readWorkbookBytes;
      if (!read) throw new EngineError("unavailable");
      for (let i = 0; i < files.length; i++) {
        throwIfCancelled(signal);
        const f = files[i];
        // One file at a time, its bytes and workbook dropped once it is reduced: memory follows the rows kept, not the files read.
        let workbook: WorkbookData;
        try {
          workbook = read(await bytesOf(f.data), f.name);
        } catch (err) {
          session.failed(f.name, unreadable(f.name, err), f.modified);
          onProgress?.((i + 1) / files.length);
          continue;
        }
        session.add(f.name, workbook, f.modified);
        onProgress?.((i + 1) / files.length);
      }
      return session.status();
    },
    async provinceRemove(h, names) {
      const { session } = get(h);
      for (const n of names) session.drop(n);
      return session.status();
    },
    async provinceSummary(h, opts = {}, signal) {
      const { session } = get(h);
      throwIfCancelled(signal);
      const workbook = opts.workbook ? get(opts.workbook).dataset : undefined;
      const { dataset, workbookCommunesLeftOut } = session.dataset(workbook);
      // A pane's session always has its period (ProvinceStart); only chibo merge copies without one.
      if (!session.period) throw new EngineError("unavailable");
      const summary = core.summarize(dataset, session.period, session.settings, opts.options);
      throwIfCancelled(signal);
      return { summary, workbookCommunesLeftOut };
    },
    async provinceConsolidate(h, existing, signal) {
      const { session } = get(h);
      throwIfCancelled(signal);
      const sheets: Partial<Record<ConsolidatedKind, SheetData>> = {};
      if (existing) {
        const wb = get(existing).workbook;
        for (const kind of CONSOLIDATED_KINDS) {
          const s = wb.sheets.find((x) => x.name === CONSOLIDATED_SHEETS[kind]);
          if (s) sheets[kind] = s;
        }
      }
      return { plan: session.consolidatedPlan(sheets), rows: session.incomingRows() };
    },
    async provinceStatusSheet(h, lang) {
      return get(h).session.statusPlan(lang);
    },
    async release(...handles) {
      for (const h of handles) {
        if (!h || h.gen !== gen) continue;
        const v = held.get(h.id);
        if (v?.kind === "findings" && grouped?.findings === v.findings) grouped = null;
        held.delete(h.id);
      }
    },
  };
}
