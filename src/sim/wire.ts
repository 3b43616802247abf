import { simError, SimRichApiError } from "./errors";
import type { SimHost } from "./host";
import { PAYLOAD_LIMIT_BYTES, SimClientObject, SimClientResult, SimCollection, SimRequestContextBase, jsonBytes } from "./proxy";
import { type AreasTarget, type RangeTarget, SimRange, SimRangeAreas } from "./range";

/**
 * Excel's side of the wire, over the simulated workbook: it answers the JSON
 * requests that Microsoft's own Office.js client builds (the body of
 * `OfficeExtension.HttpUtility.sendRequest`, which Excel on the web receives
 * as the rich API request), by replaying them on the simulator's proxies, and
 * builds the JSON answer the client expects. With it, the adapter runs through
 * the real client, and every request it sends can be measured as Excel
 * receives it.
 *
 * Protocol as read in @microsoft/office-js (excel-web-16.00.debug.js):
 * object paths (1 global object, 3 method, 4 property, 5 indexer, 6 reference
 * id) and actions (1 instantiate, 2 query, 3 method, 4 set property); results
 * by action id; query values with PascalCase keys and collections under
 * "_Items"; an error in `Body.Error`.
 */

export interface WireArgumentInfo {
  Arguments?: unknown[];
  /** Per argument: the object path id when the argument is an object (a Range), else 0. */
  ReferencedObjectPathIds?: number[];
}

export interface WirePath {
  Id: number;
  ObjectPathType: number;
  Name: string;
  ParentObjectPathId?: number;
  ArgumentInfo?: WireArgumentInfo;
}

export interface WireAction {
  Id: number;
  ActionType: number;
  Name: string;
  ObjectPathId: number;
  ArgumentInfo?: WireArgumentInfo;
  QueryInfo?: { Select?: string[]; Expand?: string[] };
  L?: number[];
}

export interface WireRequest {
  AutoKeepReference?: boolean;
  Actions: WireAction[];
  ObjectPaths: Record<string, WirePath>;
}

export interface WireResult {
  ActionId: number;
  Value: unknown;
}

export interface WireResponse {
  Results?: WireResult[];
  Error?: { Code: string; Message: string; HttpStatusCode: number; Location?: string };
}

export interface WireOptions {
  /**
   * How an oversized request (or answer) is refused. Excel on the web says
   * RequestPayloadSizeLimitExceeded (ResponsePayloadSizeLimitExceeded); some
   * hosts answer a plain GeneralException ("An internal error has occurred.").
   */
  oversizeAs?: "RequestPayloadSizeLimitExceeded" | "GeneralException";
  /** The request limit in bytes of the body (5 MB on the web). */
  requestLimit?: number;
  responseLimit?: number;
}

const ACTION = { instantiate: 1, query: 2, method: 3, setProperty: 4 } as const;
const PATH = { global: 1, method: 3, property: 4, indexer: 5, referenceId: 6, nullObject: 7 } as const;

const camel = (s: string) => (s.startsWith("_") ? s : s.charAt(0).toLowerCase() + s.slice(1));
const pascal = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

type Proxy = SimClientObject<unknown>;
type AnyRecord = Record<string, unknown>;

/** What the client keeps inside Excel.run, and Excel answers with a reference id: Range and RangeAreas. */
type Kept = SimRange | SimRangeAreas;
const isKept = (p: unknown): p is Kept => p instanceof SimRange || p instanceof SimRangeAreas;

/** JSON carries no undefined: the client sends a left-out argument as null; the simulator wants undefined. */
function argsOf(info: WireArgumentInfo | undefined, resolve: (id: number) => unknown): unknown[] {
  const args = [...(info?.Arguments ?? [])];
  info?.ReferencedObjectPathIds?.forEach((id, i) => {
    if (id) args[i] = resolve(id);
  });
  return args.map((a) => (a === null ? undefined : a));
}

function call(target: unknown, name: string, args: unknown[]): unknown {
  const fn = (target as AnyRecord)[camel(name)];
  if (typeof fn !== "function") throw simError("NotImplemented", `The simulator has no ${name} here.`);
  return (fn as (...a: unknown[]) => unknown).apply(target, args);
}

/** A loaded proxy's answer to a query: the selected properties, PascalCase, nested for "a/b" paths. */
function queryValue(proxy: Proxy, select: string[] | undefined): unknown {
  if (proxy._wireIsNull()) return null;
  if (proxy instanceof SimCollection) {
    const items = (proxy as SimCollection<unknown, Proxy>).items;
    return { _Items: items.map((item) => objectValue(item, select)) };
  }
  return objectValue(proxy, select);
}

function objectValue(proxy: Proxy, select: string[] | undefined): AnyRecord {
  if (!select || select.length === 0) {
    return Object.fromEntries(Object.entries(proxy.toJSON()).map(([k, v]) => [pascal(k), v]));
  }
  const out: AnyRecord = {};
  for (const path of select) {
    const parts = path.split("/").filter(Boolean);
    let node: AnyRecord = out;
    let source: unknown = proxy;
    parts.forEach((p, i) => {
      source = (source as AnyRecord)[p];
      if (i === parts.length - 1) node[pascal(p)] = source;
      else node = (node[pascal(p)] ??= {}) as AnyRecord;
    });
  }
  return out;
}

/**
 * One simulated Excel seen through the wire. References handed to the client
 * (`_ReferenceId`, for ranges it asked to keep) live here across requests, as
 * Excel keeps them until the client's cleanup request removes them.
 */
export class WireResponder {
  private readonly references = new Map<string, { range: RangeTarget } | { areas: AreasTarget }>();
  private readonly referenceOf = new WeakMap<Kept, string>();
  private nextReference = 1;

  constructor(
    readonly host: SimHost,
    private readonly options: WireOptions = {},
  ) {}

  /** References the client has not released yet (its cleanup request removes them). */
  get liveReferences(): number {
    return this.references.size;
  }

  /** Answers one request body; never throws (failures travel in `Error`, as Excel sends them). */
  async answer(body: WireRequest, requestBytes: number): Promise<WireResponse> {
    const limit = this.options.requestLimit ?? PAYLOAD_LIMIT_BYTES;
    if (requestBytes > limit) {
      const code = this.options.oversizeAs ?? "RequestPayloadSizeLimitExceeded";
      const message = code === "GeneralException" ? "An internal error has occurred." : `The request payload size has exceeded the limit (${requestBytes} bytes).`;
      return { Error: { Code: code, Message: message, HttpStatusCode: code === "GeneralException" ? 500 : 413 } };
    }
    try {
      const results = await this.replay(body);
      const response: WireResponse = { Results: results };
      const responseLimit = this.options.responseLimit ?? PAYLOAD_LIMIT_BYTES;
      if (jsonBytes(response) > responseLimit) {
        if (this.options.oversizeAs === "GeneralException") return { Error: { Code: "GeneralException", Message: "An internal error has occurred.", HttpStatusCode: 500 } };
        return { Error: { Code: "ResponsePayloadSizeLimitExceeded", Message: "The response payload size has exceeded the limit.", HttpStatusCode: 413 } };
      }
      return response;
    } catch (e) {
      const err = e instanceof SimRichApiError ? e : simError("GeneralException", String((e as Error)?.message ?? e));
      return { Error: { Code: err.code, Message: err.message, HttpStatusCode: 400, Location: err.debugInfo.errorLocation } };
    }
  }

  private async replay(body: WireRequest): Promise<WireResult[]> {
    return this.host.run(async (context) => {
      const proxies = new Map<number, unknown>();
      const keep = new Set<number>(body.Actions.filter((a) => a.ActionType === ACTION.method && a.Name === "_KeepReference").map((a) => a.ObjectPathId));
      const resolve = (id: number): unknown => {
        if (proxies.has(id)) return proxies.get(id);
        const info = body.ObjectPaths[String(id)];
        if (!info) throw simError("InvalidObjectPath", `The request names object path ${id} without sending it.`);
        const parent = () => resolve(info.ParentObjectPathId as number);
        let proxy: unknown;
        switch (info.ObjectPathType) {
          case PATH.global:
            proxy = context.workbook;
            break;
          case PATH.property:
            proxy = (parent() as AnyRecord)[camel(info.Name)];
            if (proxy === undefined) throw simError("NotImplemented", `The simulator has no property ${info.Name}.`);
            break;
          case PATH.indexer:
            proxy = call(parent(), "getItem", argsOf(info.ArgumentInfo, resolve));
            break;
          case PATH.method:
            proxy = call(parent(), info.Name, argsOf(info.ArgumentInfo, resolve));
            break;
          case PATH.referenceId: {
            const target = this.references.get(info.Name);
            if (!target) throw simError("InvalidObjectPath", `The reference ${info.Name} was released.`);
            const ctx = context as unknown as SimRequestContextBase;
            proxy = "range" in target ? new SimRange(ctx, () => target.range) : new SimRangeAreas(ctx, () => target.areas);
            break;
          }
          default:
            throw simError("NotImplemented", `Object path type ${info.ObjectPathType} is not simulated.`);
        }
        proxies.set(id, proxy);
        return proxy;
      };

      const answers: Array<() => WireResult | null> = [];
      for (const action of body.Actions) {
        const id = action.Id;
        if (action.ActionType === ACTION.instantiate) {
          const proxy = resolve(action.ObjectPathId) as Proxy;
          proxy._wireInstantiate();
          const kept = keep.has(action.ObjectPathId) && isKept(proxy);
          answers.push(() => {
            if (proxy._wireIsNull()) return { ActionId: id, Value: null };
            if (kept) return { ActionId: id, Value: { _ReferenceId: this.reference(proxy as Kept) } };
            return proxy._wireNullable() ? { ActionId: id, Value: {} } : null;
          });
          continue;
        }
        const proxy = resolve(action.ObjectPathId) as Proxy;
        switch (action.ActionType) {
          case ACTION.query: {
            const select = action.QueryInfo?.Select;
            proxy.load(select && select.length > 0 ? { select, expand: action.QueryInfo?.Expand } : undefined);
            const kept = keep.has(action.ObjectPathId) && isKept(proxy);
            answers.push(() => {
              const value = queryValue(proxy, select);
              if (kept && value) (value as AnyRecord)._ReferenceId = this.reference(proxy as Kept);
              return { ActionId: id, Value: value };
            });
            break;
          }
          case ACTION.method: {
            if (action.Name === "_KeepReference") break;
            if (action.Name === "_RemoveReference") {
              const [ref] = argsOf(action.ArgumentInfo, resolve);
              this.references.delete(String(ref));
              break;
            }
            const returned = call(proxy, action.Name, argsOf(action.ArgumentInfo, resolve));
            if (returned instanceof SimClientResult) answers.push(() => ({ ActionId: id, Value: returned.value }));
            break;
          }
          case ACTION.setProperty: {
            const [value] = action.ArgumentInfo?.Arguments ?? [];
            (proxy as unknown as AnyRecord)[camel(action.Name)] = value;
            break;
          }
          default:
            throw simError("NotImplemented", `Action type ${action.ActionType} is not simulated.`);
        }
      }
      await context.sync();
      return answers.map((a) => a()).filter((r): r is WireResult => r !== null);
    });
  }

  private reference(kept: Kept): string {
    let id = this.referenceOf.get(kept);
    if (id === undefined) {
      // A braced GUID's length, as wireCost.ts assumes (REFERENCE_ID_LENGTH).
      id = `{00000000-0000-0000-0000-${String(this.nextReference++).padStart(12, "0")}}`;
      this.referenceOf.set(kept, id);
      if (kept instanceof SimRange) {
        const range = kept._target();
        if (range) this.references.set(id, { range });
      } else {
        const areas = kept._target();
        if (areas) this.references.set(id, { areas });
      }
    }
    return id;
  }
}
