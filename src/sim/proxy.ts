import { apiNotFound, invalidArgument, propertyNotLoaded, simError } from "./errors";
import type { WorkbookModel } from "./model";
import {
  ACTION_KIND, PATH_KIND, REFERENCE_ID_LENGTH, REFERENCE_RESULT_BYTES, WireRequestCost, cleanupBytes, jsonBytes,
  type PathKind, type PathSpec, type WireAction, type WireNode,
} from "./wireCost";

export { jsonBytes } from "./wireCost";

/**
 * The proxy machinery of Office.js, in miniature: objects queue what they are
 * asked to do, `context.sync()` runs the queue in order against the model, and
 * only then do loaded properties become readable.
 */

/** Excel on the web refuses a request or a response over 5 MB. */
export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;
/**
 * Each result in the response: {"ActionId":12,"Value":…}, (the Value's own
 * bytes are counted as delivered).
 */
export const RESULT_OVERHEAD_BYTES = 24;

export interface SimCounters {
  syncs: number;
  bytesSent: number;
  bytesReceived: number;
  maxRequestBytes: number;
  maxResponseBytes: number;
  /** The client's requests after Excel.run that release kept references (in bytesSent and maxRequestBytes, not in syncs). */
  cleanupRequests: number;
  /** Every request since the last reset, in order: its bytes, and whether it was the client's cleanup. */
  requests: Array<{ bytes: number; cleanup: boolean }>;
  /** Calls of suspendScreenUpdatingUntilNextSync that ran (Excel redraws between them: fewer is better). */
  screenSuspensions: number;
  reset(): void;
}

export function createCounters(): SimCounters {
  const c: SimCounters = {
    syncs: 0,
    bytesSent: 0,
    bytesReceived: 0,
    maxRequestBytes: 0,
    maxResponseBytes: 0,
    cleanupRequests: 0,
    requests: [],
    screenSuspensions: 0,
    reset() {
      c.syncs = c.bytesSent = c.bytesReceived = c.maxRequestBytes = c.maxResponseBytes = c.cleanupRequests = c.screenSuspensions = 0;
      c.requests = [];
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
  /** Where a sync's answer comes back: "task" as in Excel (a new task), "microtask" (faster, for tests). */
  roundTrip?: "microtask" | "task";
}

export function parseVersion(v: string): [number, number] {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(String(v).trim());
  if (!m) throw new Error(`Not an API version: ${v}`);
  return [Number(m[1]), Number(m[2] ?? 0)];
}

export function versionAtLeast(have: [number, number], want: [number, number]): boolean {
  return have[0] > want[0] || (have[0] === want[0] && have[1] >= want[1]);
}

const timers = globalThis as unknown as { setImmediate?: (f: () => void) => void; MessageChannel?: typeof MessageChannel };
let channel: MessageChannel | null = null;
const waiting: Array<() => void> = [];

/** A new task of the event loop: setImmediate in Node, a MessageChannel message in a browser (timers are clamped to 4 ms). */
function nextTask(): Promise<void> {
  if (typeof timers.setImmediate === "function") return new Promise((resolve) => timers.setImmediate!(resolve));
  if (typeof timers.MessageChannel !== "function") return new Promise((resolve) => setTimeout(resolve, 0));
  if (!channel) {
    channel = new timers.MessageChannel();
    channel.port1.onmessage = () => waiting.shift()?.();
  }
  return new Promise((resolve) => {
    waiting.push(resolve);
    channel!.port2.postMessage(0);
  });
}

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
  /** The action as the client sends it; none for the simulator's own bookkeeping (a null object's resolution). */
  wire?: WireAction;
  /** The proxy the action is on. */
  owner?: SimClientObject<unknown>;
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
  /** One counter for object paths and actions, as the client numbers both. */
  private ids = 0;
  private wire: WireRequestCost;
  /** Proxies made since the last action or sync, whose Instantiate actions are not counted yet. */
  private fresh: Array<SimClientObject<unknown>> = [];
  /** True while a sync runs: proxies made then come from results (collection items) and cost no request. */
  private processing = false;
  /** Kept objects Excel handed a reference id: the client releases them after the run. */
  private references = 0;
  /** The path the next proxy takes (set by SimClientObject._child around its construction). */
  _nextPath: PathSpec | null = null;

  constructor(readonly host: HostState) {
    this.wire = new WireRequestCost(() => this._nextId());
  }

  _nextId(): number {
    return ++this.ids;
  }

  /** untrack() on an object already counted in this request: the client takes its keep-reference action back. */
  _untracked(obj: SimClientObject<unknown>): void {
    if (!this.fresh.includes(obj)) this.wire.untracked(obj);
  }

  /** A proxy was made: the client queues its Instantiate action at once. */
  _created(obj: SimClientObject<unknown>): void {
    if (!this.processing) this.fresh.push(obj);
  }

  private countFresh(): void {
    if (this.fresh.length === 0) return;
    const fresh = this.fresh;
    this.fresh = [];
    for (const obj of fresh) this.wire.created(obj);
  }

  enqueue(action: Action): void {
    this.countFresh();
    if (action.wire && action.owner) this.wire.action(action.owner, action.wire);
    this.queue.push(action);
  }

  hasPending(): boolean {
    return this.queue.length > 0 || this.fresh.length > 0 || !this.wire.isEmpty;
  }

  close(): void {
    this.closed = true;
  }

  /**
   * After Excel.run: the client's own request releasing every reference Excel
   * handed out in the run. Counted as a request (bytes), not as one of the
   * code's syncs.
   */
  _cleanup(): void {
    const bytes = cleanupBytes(this.references, this.ids + 1);
    this.references = 0;
    if (bytes === 0) return;
    const counters = this.host.counters;
    counters.bytesSent += bytes;
    counters.maxRequestBytes = Math.max(counters.maxRequestBytes, bytes);
    counters.cleanupRequests++;
    counters.requests.push({ bytes, cleanup: true });
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
    this.countFresh();
    const actions = this.queue;
    const wire = this.wire;
    this.queue = [];
    this.wire = new WireRequestCost(() => this._nextId());
    // Office.js skips the round trip when nothing is queued; a proxy made is something (its Instantiate).
    if (wire.isEmpty) return passThroughValue as T;
    const counters = this.host.counters;
    counters.syncs++;
    const requestBytes = wire.bytes();
    counters.bytesSent += requestBytes;
    counters.maxRequestBytes = Math.max(counters.maxRequestBytes, requestBytes);
    counters.requests.push({ bytes: requestBytes, cleanup: false });
    // A real round trip never completes in the same tick; tests must await. In Excel it comes back in a new
    // task, so the page paints and takes clicks meanwhile: the demo asks for that, its pane runs on this thread.
    if (this.host.roundTrip === "task") await nextTask();
    else await Promise.resolve();
    if (requestBytes > PAYLOAD_LIMIT_BYTES) {
      throw simError(
        "RequestPayloadSizeLimitExceeded",
        `The request payload size has exceeded the limit (${requestBytes} bytes > ${PAYLOAD_LIMIT_BYTES}). Please refer to the documentation: "https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins".`,
      );
    }
    const response = new ResponseBuffer();
    // Excel answers each kept object's Instantiate with its reference id.
    response.bytes += wire.kept.length * REFERENCE_RESULT_BYTES;
    let wrote = false;
    this.processing = true;
    try {
      for (const a of actions) {
        // Actions before a failing one have already changed the workbook, as in Excel.
        wrote = wrote || a.writes;
        a.run(response);
      }
    } finally {
      this.processing = false;
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
    // From now on the client names each kept object by its reference id.
    for (const node of wire.kept) node._becomeReference();
    this.references += wire.kept.length;
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

const pascal = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * The QueryInfo the client sends for a load: {"Select":["values","formulas"]};
 * on a collection "items/name" is sent as "name"; nothing loaded is {}.
 */
export function queryInfo(spec: unknown): { Select?: string[]; Expand?: string[] } {
  const strip = (p: string) => p.trim().replace(/^items\//, "");
  const list = (v: unknown): string[] =>
    typeof v === "string" ? v.split(",").map(strip).filter(Boolean) : Array.isArray(v) ? v.flatMap((x) => list(x)) : [];
  if (spec === undefined || spec === null || spec === "") return {};
  if (typeof spec === "string" || Array.isArray(spec)) return { Select: list(spec) };
  if (typeof spec === "object") {
    const o = spec as Record<string, unknown>;
    if ("select" in o || "expand" in o) {
      const out: { Select?: string[]; Expand?: string[] } = {};
      if (o.select !== undefined) out.Select = list(o.select);
      if (o.expand !== undefined) out.Expand = list(o.expand);
      return out;
    }
    const select: string[] = [];
    const walk = (prefix: string, obj: Record<string, unknown>) => {
      for (const [k, v] of Object.entries(obj)) {
        if (k.startsWith("$")) continue;
        if (v === true) select.push(prefix + k);
        else if (v && typeof v === "object") walk(`${prefix}${k}/`, v as Record<string, unknown>);
      }
    };
    walk("", o);
    return { Select: select };
  }
  return {};
}

export abstract class SimClientObject<T = unknown> implements WireNode {
  /** Loaded (or locally set) property values, readable after sync. */
  protected _values = new Map<string, unknown>();
  /** Set by the first sync after a ...OrNullObject call. */
  protected _isNull: boolean | undefined;
  private _resolved: { target: T | null } | undefined;
  /** The object path the client would send for this proxy (wireCost.ts). */
  readonly _pathId: number;
  _path: PathSpec;

  constructor(readonly context: SimRequestContextBase, protected readonly _entity: string) {
    this._path = context._nextPath ?? { parent: null, kind: PATH_KIND.method, name: _entity, args: [] };
    context._nextPath = null;
    this._pathId = context._nextId();
    context._created(this);
  }

  /**
   * Makes a child proxy under the object path the client would give it: a
   * property ("Format"), a method ("GetRange", [address]) or an indexer ([key]).
   */
  protected _child<P>(kind: PathKind, name: string, args: readonly unknown[], make: () => P): P {
    this.context._nextPath = { parent: this, kind, name, args };
    try {
      return make();
    } finally {
      this.context._nextPath = null;
    }
  }

  /** Range and RangeAreas: the client keeps them inside Excel.run (a reference id from Excel). */
  _keepsReference(): boolean {
    return false;
  }

  /** untrack(): the client does not keep this one (its path says "D":true, no keep-reference action). */
  _untracked = false;
  _untrack(): this {
    if (!this._untracked) {
      this._untracked = true;
      this.context._untracked(this);
    }
    return this;
  }

  /** Office.js: release the object; a Range is then not kept past the next sync (no reference, no cleanup). */
  untrack(): this {
    return this._untrack();
  }

  /** Excel handed the client a reference id for this object: later requests name it by that id alone. */
  _becomeReference(): void {
    this._path = { parent: null, kind: PATH_KIND.reference, name: "x".repeat(REFERENCE_ID_LENGTH), args: [] };
  }

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
    this._nullable = true;
    this._queueResolution();
  }

  /** Made by an ...OrNullObject method: Excel answers its instantiation with null or an object. */
  private _nullable = false;

  /** wire.ts: the client's Instantiate action, resolved in its place in the request. */
  _wireInstantiate(): void {
    this._queueResolution();
  }

  _wireNullable(): boolean {
    return this._nullable;
  }

  /** After a sync: whether the object turned out not to exist. */
  _wireIsNull(): boolean {
    return this._isNull ?? this._target() === null;
  }

  private _queueResolution(): void {
    this.context.enqueue({
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
      wire: { kind: ACTION_KIND.setProperty, name: pascal(prop), args: [value] },
      owner: this,
      writes: true,
      run: () => {
        if (def.since) this.context.requireApi(def.since, `${this._entity}.${prop}`);
        def.set!(this._require(), value);
      },
    });
  }

  /**
   * Queues a method call; `run` gets the resolved target at sync time. A method
   * that returns an object (add) is no action of its own on the wire: the new
   * object's path carries the call (`onWire` false, and the caller makes the
   * object with _child).
   */
  protected _call(method: string, args: readonly unknown[], writes: boolean, run: (target: T) => void, since?: string, onWire = true): void {
    this.context.enqueue({
      wire: onWire ? { kind: ACTION_KIND.method, name: pascal(method), args } : undefined,
      owner: this,
      writes,
      run: () => {
        if (since) this.context.requireApi(since, `${this._entity}.${method}`);
        run(this._require());
      },
    });
  }

  /** Queues a method call that returns a value, delivered through a ClientResult. */
  protected _callResult<V>(method: string, args: readonly unknown[], run: (target: T) => V, since?: string, writes = false): SimClientResult<V> {
    const result = new SimClientResult<V>();
    this.context.enqueue({
      wire: { kind: ACTION_KIND.method, name: pascal(method), args },
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
    this.context.enqueue({ wire: { kind: ACTION_KIND.query, name: "", query: queryInfo(spec) }, owner: this, writes: false, run: (response) => {
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
