import type { PlanOp } from "../core/model";

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
  purpose: Extract<PlanOp, { op: "sheet" }>["purpose"];
}

export interface ExistingSheet {
  id: string;
  name: string;
}

export type SheetDecision =
  | { kind: "create"; actual: string }
  | { kind: "reuse"; actual: string; id: string }
  /** Our template sheet from an earlier "Tạo mẫu": the user may have typed data into it, so it is left alone. */
  | { kind: "keep"; actual: string; id: string };

const MAX_SHEET_NAME = 31;

/** Excel compares sheet names without case. */
function sameName(a: string, b: string): boolean {
  return a.toLocaleLowerCase("vi") === b.toLocaleLowerCase("vi");
}

/** Excel refuses these characters in a sheet name, a leading or trailing apostrophe, and more than 31 characters. */
export function validSheetName(name: string): string {
  const cleaned = name.replace(/[[\]:*?/\\]/g, "-").replace(/^'+|'+$/g, "").slice(0, MAX_SHEET_NAME).trim();
  return cleaned === "" ? "Chi bộ" : cleaned;
}

/** "Tổng hợp" -> "Tổng hợp (2)", shortened so the whole name stays within Excel's 31 characters. */
export function freeName(wanted: string, taken: readonly string[]): string {
  const requested = validSheetName(wanted);
  const isTaken = (n: string) => taken.some((t) => sameName(t, n));
  if (!isTaken(requested)) return requested;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const name = requested.slice(0, MAX_SHEET_NAME - suffix.length).trimEnd() + suffix;
    if (!isTaken(name)) return name;
  }
}

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
    const byRequest = markers.find((m) => m.requested === req.sheet && !usedIds.has(m.id) && existing.some((s) => s.id === m.id));
    const sameNamed = existing.find((s) => sameName(s.name, req.sheet));
    const ours = byRequest
      ? existing.find((s) => s.id === byRequest.id)
      : sameNamed && markers.some((m) => m.id === sameNamed.id) && !usedIds.has(sameNamed.id)
        ? sameNamed
        : undefined;
    if (ours) {
      usedIds.add(ours.id);
      decisions.set(req.sheet, { kind: req.purpose === "template" ? "keep" : "reuse", actual: ours.name, id: ours.id });
      continue;
    }
    const actual = freeName(req.sheet, taken);
    taken.push(actual);
    decisions.set(req.sheet, { kind: "create", actual });
  }
  return decisions;
}
