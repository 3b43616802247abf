import { jsonBytes } from "../core/text/jsonBytes";

/**
 * What a request weighs on the wire, counted the way Microsoft's Office.js
 * client builds it (read in @microsoft/office-js, excel-web-16.00.debug.js,
 * and checked byte for byte against it in test/excel/wireFidelity.test.ts):
 *
 *   {"AutoKeepReference":true,"Actions":[…],"ObjectPaths":{…}}
 *
 * - Every proxy the code creates is an object path ({"Id":7,"ObjectPathType":3,
 *   "Name":"GetRange","ParentObjectPathId":5,"ArgumentInfo":{"Arguments":["B3"]}})
 *   and an Instantiate action, at creation, even when nothing else uses it.
 * - Inside Excel.run a Range (or RangeAreas) is also kept: a "_KeepReference"
 *   method action and a second Instantiate. Excel answers with a reference id,
 *   the object's path becomes that id in later requests, and after the run the
 *   client sends one "_RemoveReference" action per kept object.
 * - A request carries the path of every object it touches and of their
 *   parents, and instantiates each of them once; a later request sends them again.
 * - Each action lists in "L" the paths whose last use it is.
 *
 * So a one-cell write through worksheets.getItem(…).getRange(…) costs about
 * 470 bytes beyond its value, where a count of its own data says 240.
 */

export const PATH_KIND = { global: 1, method: 3, property: 4, indexer: 5, reference: 6 } as const;
export type PathKind = (typeof PATH_KIND)[keyof typeof PATH_KIND];

export const ACTION_KIND = { instantiate: 1, query: 2, method: 3, setProperty: 4 } as const;

/**
 * Length of the reference id Excel hands back for a kept object. Its form is
 * not documented ("assumed": a braced GUID); the wire responder uses ids of
 * this length too, so both sides count the same.
 */
export const REFERENCE_ID_LENGTH = 38;

/** How the client names an object: its parent, the kind of path, the wire name and arguments. */
export interface PathSpec {
  parent: WireNode | null;
  kind: PathKind;
  name: string;
  args: readonly unknown[];
}

/** A proxy as the wire sees it. */
export interface WireNode {
  readonly _pathId: number;
  _path: PathSpec;
  /** Kept by the client inside Excel.run (Range, RangeAreas). */
  _keepsReference(): boolean;
  /** Made kept, then untracked at once (the client's bulk writes): two Instantiates, no keep-reference, "D":true. */
  readonly _untracked: boolean;
  /** Excel handed out a reference id for it: later requests name it by that id alone. */
  _becomeReference(): void;
}

export interface WireAction {
  kind: 2 | 3 | 4;
  /** PascalCase, as the client sends it ("Values", "SetCellProperties"). */
  name: string;
  args?: readonly unknown[];
  /** Query actions: the QueryInfo object. */
  query?: unknown;
}

const encoder: { encode(s: string): { length: number } } | null =
  typeof (globalThis as { TextEncoder?: unknown }).TextEncoder === "function"
    ? new (globalThis as unknown as { TextEncoder: new () => { encode(s: string): { length: number } } }).TextEncoder()
    : null;

/** UTF-8 bytes of a string. */
export function utf8Length(s: string): number {
  // TextEncoder is native and several times faster than a loop on a multi-megabyte string; jsdom lacks it.
  if (encoder) return encoder.encode(s).length;
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) n += 1;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 2;
      i++;
    } else n += 2;
  }
  return n;
}

/**
 * Bytes of a value as JSON in UTF-8 (a Vietnamese letter with its marks takes 2 or 3 bytes, not 1), counted by
 * walking the value: serving a 4 MB chunk does not build 4 MB of JSON on the demo page's thread.
 */
export { jsonBytes };

const digits = (n: number) => (n < 10 ? 1 : n < 100 ? 2 : n < 1000 ? 3 : n < 10000 ? 4 : n < 100000 ? 5 : n < 1000000 ? 6 : String(n).length);

function isNode(v: unknown): v is WireNode {
  return typeof v === "object" && v !== null && "_pathId" in v && "_path" in v;
}

/** Arguments as the client writes them: objects become their path id, listed again in ReferencedObjectPathIds. */
function argumentInfoBytes(args: readonly unknown[]): number {
  // {"Arguments":[…]} and, with objects, ,"ReferencedObjectPathIds":[0,9,0]
  if (!args.some(isNode)) return 13 + jsonBytes(args) + 1;
  const shown = args.map((a) => (isNode(a) ? a._pathId : a));
  const refs = args.map((a) => (isNode(a) ? a._pathId : 0));
  return 13 + jsonBytes(shown) + 27 + jsonBytes(refs) + 1;
}

/** `"7":{"Id":7,"ObjectPathType":3,"Name":"GetRange","ParentObjectPathId":5,"ArgumentInfo":{"Arguments":["B3"]}}` */
export function pathBytes(node: WireNode): number {
  const { kind, name, parent, args } = node._path;
  const id = node._pathId;
  // "7": {"Id":7 ,"ObjectPathType":3 ,"Name":"…" … }
  let n = 3 + digits(id) + 6 + digits(id) + 18 + 1 + 8 + jsonBytes(name) + 1;
  if (kind === PATH_KIND.reference) return n + 18; // ,"ArgumentInfo":{}
  if (parent) n += 22 + digits(parent._pathId);
  if (kind === PATH_KIND.method || kind === PATH_KIND.indexer) n += 16 + argumentInfoBytes(args);
  if (node._untracked) n += 9; // ,"D":true
  return n;
}

function actionBytes(id: number, kind: number, name: string, pathId: number, extra: number): number {
  // {"Id":8,"ActionType":1,"Name":"","ObjectPathId":7}
  return 6 + digits(id) + 14 + 1 + 8 + jsonBytes(name) + 16 + digits(pathId) + extra + 1;
}

function referencedArgs(args: readonly unknown[] | undefined): WireNode[] {
  return args ? args.filter(isNode) : [];
}

/** One pending request: what the client would send for what was queued since the last sync. */
export class WireRequestCost {
  private actionBytes = 0;
  private actions = 0;
  private pathBytes = 0;
  private readonly paths = new Set<WireNode>();
  private readonly instantiated = new Set<WireNode>();
  private readonly lastUse = new Map<WireNode, number>();
  private keeps = false;
  /** Each kept object's keep-reference action, in bytes, should untrack() take it back. */
  private readonly keepBytes = new Map<WireNode, number>();
  /** Kept objects first instantiated in this request: they get a reference id when it succeeds. */
  readonly kept: WireNode[] = [];

  constructor(private readonly nextId: () => number) {}

  get isEmpty(): boolean {
    return this.actions === 0;
  }

  /** A proxy was made: its Instantiate action (and, for a Range, its keep-reference pair). */
  created(node: WireNode): void {
    if (node._path.kind === PATH_KIND.global) return;
    this.ensure(node._path.parent);
    for (const a of referencedArgs(node._path.args)) this.ensure(a);
    this.instantiate(node);
    if (node._keepsReference()) {
      if (node._untracked) {
        // The keep-reference action was taken back, its id spent; the second Instantiate stays.
        this.nextId();
        this.instantiate(node);
        return;
      }
      const before = this.actionBytes;
      this.push(node, ACTION_KIND.method, "_KeepReference", 16 + argumentInfoBytes([]), []);
      this.keepBytes.set(node, this.actionBytes - before);
      this.instantiate(node);
      this.kept.push(node);
      this.keeps = true;
    }
  }

  /** untrack() after the object was counted: its keep-reference action leaves the request, its path gains "D":true. */
  untracked(node: WireNode): void {
    const i = this.kept.indexOf(node);
    if (i >= 0) {
      this.kept.splice(i, 1);
      this.actions--;
      this.actionBytes -= this.keepBytes.get(node) ?? 0;
      this.keepBytes.delete(node);
      this.keeps = this.kept.length > 0;
    }
    if (this.paths.has(node)) this.pathBytes += 9;
  }

  /** An action on `owner`: its object path and parents are instantiated first, once per request. */
  action(owner: WireNode, a: WireAction): void {
    this.ensure(owner);
    const refs = referencedArgs(a.args);
    for (const r of refs) this.ensure(r);
    let extra: number;
    if (a.kind === ACTION_KIND.query) extra = 13 + jsonBytes(a.query ?? {});
    else extra = 16 + argumentInfoBytes(a.args ?? []);
    this.push(owner, a.kind, a.name, extra, refs);
  }

  /** The request body's UTF-8 length. */
  bytes(): number {
    if (this.actions === 0) return 0;
    // {"AutoKeepReference":true,"Actions":[…],"ObjectPaths":{…}}, commas between entries.
    let n = 1 + 20 + (this.keeps ? 4 : 5) + 1 + 11 + this.actionBytes + (this.actions - 1) + 2 + 15 + this.pathBytes + Math.max(0, this.paths.size - 1) + 2;
    // "L": every path once, in the list of the last action that uses it.
    const lists = new Set(this.lastUse.values()).size;
    for (const p of this.paths) n += digits(p._pathId) + 1;
    n += 6 * lists;
    return n;
  }

  private ensure(node: WireNode | null): void {
    if (!node || this.instantiated.has(node)) return;
    if (node._path.kind !== PATH_KIND.reference) {
      this.ensure(node._path.parent);
      for (const a of referencedArgs(node._path.args)) this.ensure(a);
    }
    this.instantiate(node);
  }

  private instantiate(node: WireNode): void {
    this.instantiated.add(node);
    this.push(node, ACTION_KIND.instantiate, "", 0, []);
  }

  private push(owner: WireNode, kind: number, name: string, extra: number, refs: readonly WireNode[]): void {
    const id = this.nextId();
    this.actions++;
    this.actionBytes += actionBytes(id, kind, name, owner._pathId, extra);
    this.include(owner, id);
    for (const r of refs) this.include(r, id);
  }

  /** The object's path and its parents' (and its arguments' paths) go into the request; `id` is their last use so far. */
  private include(node: WireNode, actionId: number): void {
    let n: WireNode | null = node;
    while (n) {
      this.lastUse.set(n, actionId);
      if (!this.paths.has(n)) {
        this.paths.add(n);
        this.pathBytes += pathBytes(n);
        if (n._path.kind !== PATH_KIND.reference) for (const a of referencedArgs(n._path.args)) this.include(a, actionId);
      }
      n = n._path.kind === PATH_KIND.reference ? null : n._path.parent;
    }
  }
}

/**
 * The client's request after Excel.run, one "_RemoveReference" action per kept
 * object that Excel handed a reference id, on the root object:
 * {"AutoKeepReference":false,"Actions":[{"Id":27,"ActionType":1,"Name":"","ObjectPathId":1},
 * {"Id":26,"ActionType":3,"Name":"_RemoveReference","ObjectPathId":1,"ArgumentInfo":{"Arguments":["…"]}}, …],
 * "ObjectPaths":{"1":{"Id":1,"ObjectPathType":1,"Name":""}}}
 */
export function cleanupBytes(references: number, firstId: number): number {
  if (references === 0) return 0;
  let n = 52 + 5 + 41 + 8; // the envelope ("AutoKeepReference":false), the root's path, one "L":[1]
  n += actionBytes(firstId, 1, "", 1, 0);
  // ,"ArgumentInfo": {"Arguments":["…"]}
  for (let i = 0; i < references; i++) n += 1 + actionBytes(firstId + 1 + i, 3, "_RemoveReference", 1, 16 + 13 + REFERENCE_ID_LENGTH + 4 + 1);
  return n;
}

/** A kept object's Instantiate answer: {"ActionId":10,"Value":{"_ReferenceId":"…"}}, */
export const REFERENCE_RESULT_BYTES = 12 + 3 + 9 + 16 + REFERENCE_ID_LENGTH + 2 + 2 + 1;
