import { apiNotFound, invalidArgument, propertyNotLoaded, simError } from "./errors";
import type { WorkbookModel } from "./model";

/**
 * The proxy machinery of Office.js, in miniature: objects queue what they are
 * asked to do, `context.sync()` runs the queue in order against the model, and
 * only then do loaded properties become readable.
 */

/** Excel on the web refuses a request or a response over 5 MB. */
export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;
/**
 * Office.js wraps every action in an envelope ({"Id":12,"ActionType":3,
 * "Name":"SetCellProperties","ObjectPathId":11,...}) and sends the object
 * path of every proxy the request touches ({"Id":11,"ObjectPathType":3,
 * "Name":"GetRangeByIndexes","ParentObjectPathId":5,...}). Both are about a
 * hundred bytes, so a thousand one-cell writes cost far more than their data.
 */
export const ACTION_OVERHEAD_BYTES = 100;
export const OBJECT_PATH_BYTES = 100;
/** Each result in the response carries its action id and status. */
export const RESULT_OVERHEAD_BYTES = 30;

export interface SimCounters {
  syncs: number;
  bytesSent: number;
  bytesReceived: number;
  maxRequestBytes: number;
  maxResponseBytes: number;
  reset(): void;
}

export function createCounters(): SimCounters {
  const c: SimCounters = {
    syncs: 0,
    bytesSent: 0,
    bytesReceived: 0,
    maxRequestBytes: 0,
    maxResponseBytes: 0,
    reset() {
      c.syncs = c.bytesSent = c.bytesReceived = c.maxRequestBytes = c.maxResponseBytes = 0;
    },
  };
  return c;
}

/** What every proxy of one simulated workbook shares. */
export interface HostState {
  model: WorkbookModel;
  /** Configured ExcelApi version as [major, minor]. */
  api: [number, number];
  counters: SimCounters;
  /** Called after a sync that changed the workbook. */
  changed(): void;
}

export function parseVersion(v: string): [number, number] {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(String(v).trim());
  if (!m) throw new Error(`Not an API version: ${v}`);
  return [Number(m[1]), Number(m[2] ?? 0)];
}

export function versionAtLeast(have: [number, number], want: [number, number]): boolean {
  return have[0] > want[0] || (have[0] === want[0] && have[1] >= want[1]);
}

/**
 * Bytes of a value as JSON in UTF-8, which is what crosses the wire: a
 * Vietnamese letter with its marks takes 2 or 3 bytes, not 1.
 */
export function jsonBytes(value: unknown): number {
  const s = JSON.stringify(value);
  if (s === undefined) return 0;
  // TextEncoder is native and several times faster than a charCodeAt loop on a
  // multi-megabyte string; jsdom lacks it, hence the fallback.
  if (encoder) return encoder.encode(s).length;
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) n += 1;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 2; // a surrogate pair: 2 UTF-16 units, 4 bytes
      i++;
    } else n += 2;
  }
  return n;
}

const encoder: { encode(s: string): { length: number } } | null =
  typeof (globalThis as { TextEncoder?: unknown }).TextEncoder === "function"
    ? new (globalThis as unknown as { TextEncoder: new () => { encode(s: string): { length: number } } }).TextEncoder()
    : null;

/** The response of one sync, delivered to the proxies only when the whole sync succeeds. */
export class ResponseBuffer {
  bytes = 0;
  private commits: Array<() => void> = [];

  deliver(payload: unknown, commit: () => void): void {
    this.bytes += jsonBytes(payload);
    this.commits.push(commit);
  }

  /** One action's result envelope. */
  result(): void {
    this.bytes += RESULT_OVERHEAD_BYTES;
  }

  /** Bookkeeping that costs no bytes (isNullObject, the items array). */
  onSuccess(commit: () => void): void {
    this.commits.push(commit);
  }

  commitAll(): void {
    for (const c of this.commits) c();
  }
}

export interface Action {
  /** What goes over the wire for this action, measured as JSON. */
  payload: unknown;
  /** The proxy the action is on: its object path goes into the request once. */
  owner?: object;
  /** True when the action changes the workbook (for onChange listeners). */
  writes: boolean;
  run(response: ResponseBuffer): void;
}

export class SimRequestContextBase {
  /** `trackedObjects` keeps proxies valid across Excel.run batches in Office.js; here every proxy stays valid within its run. */
  readonly trackedObjects = { add(_o: unknown): void {}, remove(_o: unknown): void {} };
  readonly debugInfo = {};
  private queue: Action[] = [];
  private closed = false;

  constructor(readonly host: HostState) {}

  enqueue(action: Action): void {
    this.queue.push(action);
  }

  hasPending(): boolean {
    return this.queue.length > 0;
  }

  close(): void {
    this.closed = true;
  }

  /** Throws ApiNotFound, at sync time as Excel does, when the configured version lacks the API. */
  requireApi(version: string, api: string): void {
    if (!versionAtLeast(this.host.api, parseVersion(version))) throw apiNotFound(api, version);
  }

  async sync<T>(passThroughValue?: T): Promise<T> {
    if (this.closed) {
      throw simError(
        "InvalidObjectPath",
        'The object path isn\'t working for what you\'re trying to do. If you\'re using the object across multiple "context.sync" calls and outside the sequential execution of a ".run" batch, please use the "context.trackedObjects.add()" and "context.trackedObjects.remove()" methods to manage the object\'s lifetime.',
      );
    }
    const actions = this.queue;
    this.queue = [];
    // Office.js skips the round trip when nothing is queued.
    if (actions.length === 0) return passThroughValue as T;
    const counters = this.host.counters;
    counters.syncs++;
    let requestBytes = 0;
    const paths = new Set<object>();
    for (const a of actions) {
      requestBytes += ACTION_OVERHEAD_BYTES + jsonBytes(a.payload);
      if (a.owner) paths.add(a.owner);
    }
    requestBytes += paths.size * OBJECT_PATH_BYTES;
    counters.bytesSent += requestBytes;
    counters.maxRequestBytes = Math.max(counters.maxRequestBytes, requestBytes);
    // A real round trip never completes in the same tick; tests must await.
    await Promise.resolve();
    if (requestBytes > PAYLOAD_LIMIT_BYTES) {
      throw simError(
        "RequestPayloadSizeLimitExceeded",
        `The request payload size has exceeded the limit (${requestBytes} bytes > ${PAYLOAD_LIMIT_BYTES}). Please refer to the documentation: "https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins".`,
      );
    }
    const response = new ResponseBuffer();
    let wrote = false;
    try {
      for (const a of actions) {
        // Actions before a failing one have already changed the workbook, as in Excel.
        wrote = wrote || a.writes;
        a.run(response);
      }
    } finally {
      if (wrote) this.host.changed();
    }
    counters.bytesReceived += response.bytes;
    counters.maxResponseBytes = Math.max(counters.maxResponseBytes, response.bytes);
    if (response.bytes > PAYLOAD_LIMIT_BYTES) {
      throw simError(
        "ResponsePayloadSizeLimitExceeded",
        `The response payload size has exceeded the limit (${response.bytes} bytes > ${PAYLOAD_LIMIT_BYTES}). Please refer to the documentation: "https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins".`,
      );
    }
    response.commitAll();
    return passThroughValue as T;
  }
}

/** Which properties a load asked for: `true` = the property (or all of a navigation object's scalars). */
export interface LoadTree {
  all: boolean;
  props: Map<string, LoadTree | true>;
}

function emptyTree(): LoadTree {
  return { all: false, props: new Map() };
}

function addPath(tree: LoadTree, path: string): void {
  const parts = path.split("/").map((p) => p.trim()).filter(Boolean);
  if (parts.length === 0) return;
  let node = tree;
  for (let i = 0; i < parts.length; i++) {
    const name = parts[i];
    if (i === parts.length - 1) {
      if (!node.props.has(name)) node.props.set(name, true);
      return;
    }
    let next = node.props.get(name);
    if (next === undefined || next === true) {
      next = emptyTree();
      node.props.set(name, next);
    }
    node = next;
  }
}

function addObject(tree: LoadTree, spec: Record<string, unknown>): void {
  for (const [key, v] of Object.entries(spec)) {
    if (key === "$all") {
      if (v) tree.all = true;
      continue;
    }
    if (key.startsWith("$")) continue;
    if (v === true) addPath(tree, key);
    else if (v && typeof v === "object") {
      let sub = tree.props.get(key);
      if (sub === undefined || sub === true) {
        sub = emptyTree();
        tree.props.set(key, sub);
      }
      addObject(sub, v as Record<string, unknown>);
    }
  }
}

/** Accepts every form of `load`: "a, b/c", ["a", "b"], { select, expand }, { a: true, b: { c: true } }, nothing. */
export function parseLoadSpec(spec: unknown): LoadTree {
  const tree = emptyTree();
  if (spec === undefined || spec === null || spec === "") {
    tree.all = true;
    return tree;
  }
  const addString = (s: string) => s.split(",").forEach((p) => addPath(tree, p));
  if (typeof spec === "string") addString(spec);
  else if (Array.isArray(spec)) spec.forEach((s) => addString(String(s)));
  else if (typeof spec === "object") {
    const o = spec as Record<string, unknown>;
    if ("select" in o || "expand" in o) {
      const sel = o.select;
      if (typeof sel === "string") addString(sel);
      else if (Array.isArray(sel)) sel.forEach((s) => addString(String(s)));
      const exp = o.expand;
      const expand = typeof exp === "string" ? exp.split(",") : Array.isArray(exp) ? exp.map(String) : [];
      for (const e of expand) addPath(tree, e);
      if (sel === undefined) tree.all = true;
    } else addObject(tree, o);
  } else throw invalidArgument("load() takes a string, an array of strings or an object.");
  if (tree.props.size === 0 && !tree.all) tree.all = true;
  return tree;
}

/** A scalar property of a proxy: how to read it from the model, and how to write it. */
export interface ScalarDef<T> {
  get(target: T): unknown;
  set?(target: T, value: unknown): void;
  /** ExcelApi version that introduced it; loading or setting it below that fails. */
  since?: string;
}

export abstract class SimClientObject<T = unknown> {
  /** Loaded (or locally set) property values, readable after sync. */
  protected _values = new Map<string, unknown>();
  /** Set by the first sync after a ...OrNullObject call. */
  protected _isNull: boolean | undefined;
  private _resolved: { target: T | null } | undefined;

  constructor(readonly context: SimRequestContextBase, protected readonly _entity: string) {}

  /** Finds the model object this proxy stands for (at sync time). Returns null for a missing ...OrNullObject target. */
  protected abstract _resolve(): T | null;
  protected abstract _scalars(): Record<string, ScalarDef<T>>;
  protected _navigation(): Record<string, () => SimClientObject<unknown>> {
    return {};
  }

  /** The model object, resolved once (Office.js also pins an object by id once it is known). */
  _target(): T | null {
    if (!this._resolved) this._resolved = { target: this._resolve() };
    return this._resolved.target;
  }

  /** The model object, or ItemNotFound when this is a null object being used as if it existed. */
  _require(): T {
    const t = this._target();
    if (t === null) throw simError("ItemNotFound", `The ${this._entity} does not exist (it is a null object).`);
    return t;
  }

  get isNullObject(): boolean {
    if (this._isNull === undefined) throw propertyNotLoaded("isNullObject", this._entity);
    return this._isNull;
  }

  /** Queues the first resolution, so that isNullObject is known after the next sync. */
  protected _instantiate(): void {
    this.context.enqueue({
      payload: { instantiate: this._entity },
      owner: this,
      writes: false,
      run: (response) => {
        const isNull = this._target() === null;
        response.result();
        response.deliver(isNull, () => (this._isNull = isNull));
      },
    });
  }

  protected _get<V>(prop: string): V {
    if (!this._values.has(prop)) throw propertyNotLoaded(prop, this._entity);
    return this._values.get(prop) as V;
  }

  protected _set(prop: string, value: unknown): void {
    const def = this._scalars()[prop];
    if (!def?.set) throw simError("InvalidOperation", `The property '${prop}' of ${this._entity} is read-only.`);
    this._values.set(prop, value);
    this.context.enqueue({
      payload: { set: prop, value },
      owner: this,
      writes: true,
      run: () => {
        if (def.since) this.context.requireApi(def.since, `${this._entity}.${prop}`);
        def.set!(this._require(), value);
      },
    });
  }

  /** Queues a method call; `run` gets the resolved target at sync time. */
  protected _call(method: string, args: unknown, writes: boolean, run: (target: T) => void, since?: string): void {
    this.context.enqueue({
      payload: { call: method, args },
      owner: this,
      writes,
      run: () => {
        if (since) this.context.requireApi(since, `${this._entity}.${method}`);
        run(this._require());
      },
    });
  }

  /** Queues a method call that returns a value, delivered through a ClientResult. */
  protected _callResult<V>(method: string, args: unknown, run: (target: T) => V, since?: string, writes = false): SimClientResult<V> {
    const result = new SimClientResult<V>();
    this.context.enqueue({
      payload: { call: method, args },
      owner: this,
      writes,
      run: (response) => {
        if (since) this.context.requireApi(since, `${this._entity}.${method}`);
        const v = run(this._require());
        response.result();
        response.deliver(v, () => result._deliver(v));
      },
    });
    return result;
  }

  load(spec?: unknown): this {
    const tree = parseLoadSpec(spec);
    this.context.enqueue({ payload: { load: spec ?? "" }, owner: this, writes: false, run: (response) => {
      response.result();
      this._applyLoad(tree, response);
    } });
    return this;
  }

  /** Runs a load at sync time: reads the requested properties now, hands them over when the sync succeeds. */
  _applyLoad(tree: LoadTree, response: ResponseBuffer): void {
    const target = this._target();
    const isNull = target === null;
    response.onSuccess(() => (this._isNull = isNull));
    const scalars = this._scalars();
    const nav = this._navigation();
    const wanted = new Map(tree.props);
    if (tree.all) for (const name of Object.keys(scalars)) if (!wanted.has(name) && !scalars[name].since) wanted.set(name, true);
    for (const [name, sub] of wanted) {
      const def = scalars[name];
      if (def) {
        if (def.since) this.context.requireApi(def.since, `${this._entity}.${name}`);
        const value = isNull ? null : def.get(target as T);
        response.deliver({ [name]: value }, () => this._values.set(name, value));
        continue;
      }
      const child = nav[name];
      if (child) {
        if (isNull) continue;
        const obj = child();
        obj._applyLoad(sub === true ? { all: true, props: new Map() } : sub, response);
        continue;
      }
      throw invalidArgument(`The property '${name}' does not exist on ${this._entity}.`);
    }
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this._values);
  }
}

export class SimClientResult<V> {
  private _has = false;
  private _v: V | undefined;

  get value(): V {
    if (!this._has) throw propertyNotLoaded("value", "ClientResult");
    return this._v as V;
  }

  _deliver(v: V): void {
    this._v = v;
    this._has = true;
  }
}

/**
 * A collection proxy (worksheets, charts, settings, ...): `items` after load,
 * and a load of "name" on the collection loads "name" on every item.
 */
export abstract class SimCollection<T, P extends SimClientObject<unknown>> extends SimClientObject<T[]> {
  private _items: P[] | undefined;

  protected abstract _itemProxy(model: T): P;

  protected _scalars(): Record<string, ScalarDef<T[]>> {
    return {};
  }

  get items(): P[] {
    if (!this._items) throw propertyNotLoaded("items", this._entity);
    return this._items;
  }

  override _applyLoad(tree: LoadTree, response: ResponseBuffer): void {
    const models = this._require();
    const own = this._scalars();
    let itemTree: LoadTree = { all: tree.all, props: new Map() };
    for (const [name, sub] of tree.props) {
      if (own[name]) {
        // A property of the collection itself (ChartSeriesCollection.count), not of its items.
        const value = own[name].get(models);
        response.deliver({ [name]: value }, () => this._values.set(name, value));
        continue;
      }
      if (name === "items") {
        if (sub === true) itemTree.all = true;
        else {
          itemTree.all = itemTree.all || sub.all;
          for (const [k, v] of sub.props) itemTree.props.set(k, v);
        }
      } else itemTree.props.set(name, sub);
    }
    const onlyOwn = !tree.all && tree.props.size > 0 && [...tree.props.keys()].every((k) => own[k]);
    if (onlyOwn) return;
    if (!itemTree.all && itemTree.props.size === 0) itemTree = { all: true, props: new Map() };
    const proxies = models.map((m) => this._itemProxy(m));
    for (const p of proxies) p._applyLoad(itemTree, response);
    response.onSuccess(() => (this._items = proxies));
  }
}
