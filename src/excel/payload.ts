import { jsonBytes, utf8Bytes } from "../core/text/jsonBytes";

/**
 * Request and response sizes, as Microsoft's Office.js client puts them on
 * the wire (measured with the real client in test/excel/realClient.test.ts).
 *
 * Excel on the web refuses a request or a response over 5 MB (Resource
 * limits, learn.microsoft.com). The tests hold every real request to
 * 4,500,000 bytes; we plan each sync to 4,000,000 by the estimates below, so
 * an estimate 10 % short still passes.
 */
export const REQUEST_LIMIT = 4_500_000;
export const SYNC_BUDGET = 4_000_000;
/** Excel refuses to read more than 5,000,000 cells at once; stay far below. */
export const MAX_CELLS_PER_READ = 1_000_000;

/**
 * What the client sends per object and per action, beyond the data (JSON of
 * {"Actions":[…],"ObjectPaths":{…}}, ids taken as 6 digits, which a request
 * of 20,000 cells reaches). Read in @microsoft/office-js and checked against
 * the real client byte for byte through src/sim/wireCost.ts:
 * - an object path: {"Id":…,"ObjectPathType":3,"Name":"GetRange","ParentObjectPathId":…,"ArgumentInfo":{"Arguments":[…]}}
 *   and the Instantiate action every object gets;
 * - inside Excel.run a Range or RangeAreas is also kept (a "_KeepReference"
 *   action, a second Instantiate, Excel's reference id in the answer, and one
 *   "_RemoveReference" in the client's cleanup request after the run). The
 *   adapter untracks every range it does not use again: only the second
 *   Instantiate and "D":true remain, and nothing is left to clean up;
 * - an action: {"Id":…,"ActionType":4,"Name":"Values","ObjectPathId":…,"ArgumentInfo":{"Arguments":[…]}}.
 */
export const WIRE = {
  /** A method or indexer path with its Instantiate action and its entry in "L", before its name and arguments. */
  object: 175,
  /** A property path ("Format", "Fill", "Areas") with its Instantiate. */
  property: 150,
  /** An untracked range: the client's second Instantiate and "D":true. */
  untracked: 70,
  /** A kept range: the keep-reference action and the second Instantiate. */
  kept: 170,
  /** An action, before its name and arguments. */
  action: 105,
  /** A query action, before its select list. */
  query: 75,
  /** Answers: a kept object's reference id, and a result's envelope. */
  referenceAnswer: 85,
  result: 30,
} as const;

/** A range made by getRange(address) or getRanges(list) on a sheet object already in the request, untracked unless `kept`. */
export function rangeRequestBytes(address: string, kept = false): number {
  return WIRE.object + 9 + jsonBytes(address) + 2 + (kept ? WIRE.kept : WIRE.untracked);
}

/** A query (load) of these properties. */
export function queryRequestBytes(select: readonly string[]): number {
  return WIRE.query + jsonBytes(select);
}

/** An action (set a property, call a method) carrying `argsBytes` of JSON. */
export function actionRequestBytes(name: string, argsBytes: number): number {
  return WIRE.action + name.length + argsBytes;
}

/** A 2D block written as one property: the client sends arrays over 1,500 cells in slices, each through three more ranges. */
export function blockRequestBytes(name: string, dataBytes: number, cells: number): number {
  return actionRequestBytes(name, dataBytes) + Math.floor(cells / 1500) * (3 * (WIRE.object + WIRE.untracked + 20) + WIRE.action + name.length);
}

/**
 * Bytes of a value as JSON on the wire, and of a string in UTF-8: counted by
 * walking the values (src/core/text/jsonBytes), not by building the JSON of
 * every chunk on the pane's thread.
 */
export { jsonBytes, utf8Bytes };
