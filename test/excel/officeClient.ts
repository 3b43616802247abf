import * as fs from "fs";
import type { SimHost } from "../../src/sim/host";
import { WireResponder, type WireOptions, type WireRequest, type WireResponse } from "../../src/sim/wire";

/**
 * Microsoft's own Office.js client (the pinned npm package @microsoft/office-js,
 * the script Excel on the web loads into a task pane) running in jsdom, with
 * its transport replaced so that every request it builds is measured and then
 * answered by the simulated Excel (src/sim/wire.ts). Node only: tests and benches, so it lives
 * under test/ (jsdom is a tool, not something the product ships).
 *
 * Transport: a RequestContext made with an http address sends through
 * `OfficeExtension.HttpUtility.sendRequest`, whose function we set with
 * `setCustomSendRequestFunc`. The body it sends is the same JSON the client
 * hands Excel on the web through `executeRichApiRequestAsync` (both executors
 * take `req.buildRequestMessageBodyAndRequestFlags().body`); its UTF-8 length
 * is what we count.
 */

/** The script Excel on the web loads: the whole client, Excel's API included. */
const CLIENT_SCRIPT = "@microsoft/office-js/dist/excel-web-16.00.js";

export interface RealRequest {
  /** The operation it belongs to (set with `label`). */
  label: string;
  /** UTF-8 bytes of the request body, as the client serialised it. */
  bytes: number;
  responseBytes: number;
  actions: number;
  /** The client's own request after Excel.run, releasing the references it kept (not one of the adapter's syncs). */
  cleanup: boolean;
  /** Excel's error code when the request was refused or failed, and its message. */
  error?: string;
  errorMessage?: string;
}

interface ClientWindow {
  Excel: { run: typeof Excel.run; RequestContext: new (url: string) => Excel.RequestContext };
  OfficeExtension: {
    HttpUtility: { setCustomSendRequestFunc(fn: (req: HttpRequestInfo) => Promise<HttpResponseInfo>): void };
  };
  eval(code: string): unknown;
}

interface HttpRequestInfo {
  url: string;
  body: unknown;
}

interface HttpResponseInfo {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

export interface RealClientHost {
  /** An ExcelHost for the adapter: Excel.run of the real client, answered by this simulated Excel. */
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  isSetSupported(set: string, version: string): boolean;
  readonly sim: SimHost;
  readonly requests: RealRequest[];
  /** Tags the requests that follow (until the next label). */
  label(name: string): void;
  /** Requests of the adapter (cleanup requests left out), optionally only those of one label. */
  syncs(label?: string): RealRequest[];
  maxRequestBytes(label?: string): number;
  reset(): void;
  /** Waits until the client's fire-and-forget cleanup requests were answered. */
  settle(): Promise<void>;
}

const utf8 = new TextEncoder();

export class OfficeJsClient {
  private readonly window: ClientWindow;
  private readonly routes = new Map<string, (req: HttpRequestInfo) => Promise<HttpResponseInfo>>();
  private nextHost = 1;

  constructor() {
    // jsdom is jest-environment-jsdom's own dependency; loaded lazily so that importing this file costs nothing.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { JSDOM } = require("jsdom") as { JSDOM: new (html: string, opts: object) => { window: ClientWindow } };
    const dom = new JSDOM("<!doctype html><html><head></head><body></body></html>", { runScripts: "outside-only", url: "https://localhost/taskpane.html" });
    this.window = dom.window;
    this.window.eval(fs.readFileSync(require.resolve(CLIENT_SCRIPT), "utf8"));
    this.window.OfficeExtension.HttpUtility.setCustomSendRequestFunc((req) => {
      const route = [...this.routes].find(([prefix]) => req.url.startsWith(prefix));
      if (!route) return Promise.resolve({ statusCode: 404, headers: {}, body: "" });
      return route[1](req);
    });
  }

  /** A host whose every Excel.run goes through the real client to this simulated Excel. */
  hostFor(sim: SimHost, options: WireOptions = {}): RealClientHost {
    const base = `https://sim-${this.nextHost++}.invalid/`;
    const responder = new WireResponder(sim, options);
    const requests: RealRequest[] = [];
    let current = "";
    let pending: Promise<unknown> = Promise.resolve();
    this.routes.set(base, async (req) => {
      const text = typeof req.body === "string" ? req.body : JSON.stringify(req.body);
      const body = JSON.parse(text) as WireRequest;
      const bytes = utf8.encode(text).length;
      const cleanup = body.Actions.every((a) => a.ActionType === 1 || a.Name === "_RemoveReference") && body.Actions.some((a) => a.Name === "_RemoveReference");
      const answer = responder.answer(body, bytes);
      pending = pending.then(() => answer);
      const response: WireResponse = await answer;
      const out = JSON.stringify(response);
      requests.push({ label: current, bytes, responseBytes: utf8.encode(out).length, actions: body.Actions.length, cleanup, ...(response.Error ? { error: response.Error.Code, errorMessage: response.Error.Message } : {}) });
      return { statusCode: 200, headers: {}, body: out };
    });
    const { Excel: excel } = this.window;
    const selected = (label?: string) => requests.filter((r) => !r.cleanup && (label === undefined || r.label === label));
    return {
      run: (batch) => excel.run(new excel.RequestContext(base), batch) as never,
      isSetSupported: (set, version) => sim.requirements.isSetSupported(set, version),
      sim,
      requests,
      label: (name) => void (current = name),
      syncs: selected,
      maxRequestBytes: (label) => selected(label).reduce((m, r) => Math.max(m, r.bytes), 0),
      reset: () => void (requests.length = 0),
      settle: async () => {
        // The cleanup request is sent after Excel.run resolves, without being awaited.
        for (let i = 0; i < 3; i++) {
          await new Promise((r) => setTimeout(r, 0));
          await pending;
        }
      },
    };
  }
}
