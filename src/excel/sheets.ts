import type { PlanOp } from "../core/model";
import { legalSheetName, sameSheetName, uniqueSheetName } from "../core/plan/sheetName";

/**
 * Which sheets the product made. The marker is the sheet's id kept in workbook
 * settings: a user's sheet can carry our sheet's name but never our id, so it is
 * never cleared or replaced. The id survives renames; the requested name lets a
 * second run find the sheet it made last time even under "Tổng hợp (2)".
 */
export interface SheetMarker {
  id: string;
  /** The name the plan asked for ("Tổng hợp"). */
  requested: string;
  /** "backup": a consolidated sheet an import replaced, kept hidden so the import can be undone (replace.ts). */
  purpose: Extract<PlanOp, { op: "sheet" }>["purpose"] | "backup";
}

export interface ExistingSheet {
  id: string;
  name: string;
  position?: number;
}

export type SheetDecision =
  | { kind: "create"; actual: string }
  | { kind: "reuse"; actual: string; id: string }
  /** Our template sheet from an earlier "Tạo mẫu": the user may have typed data into it, so it is left alone. */
  | { kind: "keep"; actual: string; id: string }
  /** Our consolidated sheet: a new one takes its name and place, the old one is kept hidden for undo. */
  | { kind: "replace"; actual: string; id: string; position: number };

/** Excel refuses some names (core/plan/sheetName: the one rule every host follows). */
export function validSheetName(name: string): string {
  return legalSheetName(name);
}

/** "Tổng hợp" -> "Tổng hợp (2)", shortened so the whole name stays within Excel's 31 characters. */
export function freeName(wanted: string, taken: readonly string[]): string {
  return uniqueSheetName(wanted, taken);
}

const sameName = sameSheetName;

/**
 * Decides, for each sheet op, whether to reuse our own sheet or create one, and
 * under which name. Pure, so the "never overwrite a user's sheet" rule is tested
 * without Excel.
 */
export function decideSheets(
  requests: ReadonlyArray<Extract<PlanOp, { op: "sheet" }>>,
  existing: readonly ExistingSheet[],
  markers: readonly SheetMarker[],
): Map<string, SheetDecision> {
  const decisions = new Map<string, SheetDecision>();
  const taken = existing.map((s) => s.name);
  const usedIds = new Set<string>();
  for (const req of requests) {
    if (decisions.has(req.sheet)) continue;
    // A backup is never written to: it is the state an undo goes back to.
    const live = markers.filter((m) => m.purpose !== "backup");
    const byRequest = live.find((m) => m.requested === req.sheet && !usedIds.has(m.id) && existing.some((s) => s.id === m.id));
    const sameNamed = existing.find((s) => sameName(s.name, req.sheet));
    const ours = byRequest
      ? existing.find((s) => s.id === byRequest.id)
      : sameNamed && live.some((m) => m.id === sameNamed.id) && !usedIds.has(sameNamed.id)
        ? sameNamed
        : undefined;
    if (ours) {
      usedIds.add(ours.id);
      if (req.purpose === "consolidated") decisions.set(req.sheet, { kind: "replace", actual: ours.name, id: ours.id, position: ours.position ?? existing.indexOf(ours) });
      else decisions.set(req.sheet, { kind: req.purpose === "template" ? "keep" : "reuse", actual: ours.name, id: ours.id });
      continue;
    }
    const actual = freeName(req.sheet, taken);
    taken.push(actual);
    decisions.set(req.sheet, { kind: "create", actual });
  }
  return decisions;
}
