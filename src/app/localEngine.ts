import type { Dataset, DetectedTable, Finding, WorkbookData } from "../core/model";
import type { Core, Engine, Handle, HandleKind } from "./engine";
import { CancelledError } from "./errors";
import { EngineError } from "./engineError";
import { findingsView, fixableFindings, fixRequests, highlightTargets, groupsInOrder, filterFindings, selectFixes } from "./findingsView";
import { previewWorkbook } from "./preview";

type Held =
  | { kind: "workbook"; workbook: WorkbookData }
  | { kind: "dataset"; dataset: Dataset; tables: DetectedTable[]; workbook: WorkbookData }
  | { kind: "findings"; findings: Finding[] };

function throwIfCancelled(signal?: AbortSignal): void {
  if (signal?.aborted) throw new CancelledError();
}

/**
 * The engine in the calling thread: the one implementation of Engine's
 * bookkeeping. The pane's Web Worker runs this very object (core.worker.ts),
 * jest and Node call it directly. `gen` stamps its handles (see Handle).
 */
export function createLocalEngine(core: Core, gen = 0): Engine {
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
