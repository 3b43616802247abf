import { craftXlsx, sheetXml } from "../../test/xlsx/craft";
import { answer, type FromReader, type ToReader } from "./openXlsxMessages";
import { OpenXlsxError, openXlsxInWorker } from "./openXlsx";

/** The worker, played in this process by the same `answer` it runs; messages cross as structured clones. */
function fakeWorker(): () => Worker {
  return () => {
    const w = {
      onmessage: null as ((e: MessageEvent<FromReader>) => void) | null,
      onerror: null as ((e: ErrorEvent) => void) | null,
      terminated: false,
      postMessage(request: ToReader) {
        setTimeout(() => answer(request, (m) => setTimeout(() => !w.terminated && w.onmessage?.({ data: structuredClone(m) } as MessageEvent<FromReader>))));
      },
      terminate() { w.terminated = true; },
    };
    return w as unknown as Worker;
  };
}

const bytesOf = (u: Uint8Array) => u.buffer.slice(u.byteOffset, u.byteOffset + u.byteLength) as ArrayBuffer;

describe("openXlsxInWorker", () => {
  it("loads the worker's workbook into a simulated Excel, rows in many slices, and says what could not be read", async () => {
    const rows = [["STT", "Họ và tên", "Ngày sinh"], ...Array.from({ length: 12_000 }, (_, i) => [i + 1, `Nguyễn Văn ${i + 1}`, 25000 + i])];
    const file = craftXlsx({ sheets: [{ name: "Cán bộ", xml: sheetXml(rows, { merges: ["A1:C1"] }) }, { name: "Mất", omitPart: true }] });
    const progress: number[] = [];
    const opened = await openXlsxInWorker("can-bo.xlsx", bytesOf(file), { spawn: fakeWorker(), onProgress: (n) => progress.push(n) });
    expect(opened.host.getValue("Cán bộ", 12_001, 2)).toBe("Nguyễn Văn 12000");
    expect(opened.host.snapshot().sheets[0].values.length).toBe(12_001);
    expect(opened.host.sheetInfo("Cán bộ").merges).toEqual(["A1:C1"]);
    expect(opened.problems.map((p) => [p.sheet, p.code])).toEqual([["Mất", "missing-part"]]);
    expect(progress[progress.length - 1]).toBe(12_001);
  });

  it("gives the page its turns without leaving a message port open (one would keep Node, and jest, from exiting)", async () => {
    const rows = [["STT", "Họ và tên"], ...Array.from({ length: 3_000 }, (_, i) => [i + 1, `Trần Thị ${i + 1}`])];
    const file = craftXlsx({ sheets: [{ name: "Cán bộ", xml: sheetXml(rows) }] });
    const ports = () => process.getActiveResourcesInfo().filter((r) => r === "MessagePort").length;
    const before = ports();
    let turns = 0;
    // A slow page: every progress report uses up the slice, so the loader yields after each.
    const slow = () => {
      turns++;
      const t0 = performance.now();
      while (performance.now() - t0 < 30);
    };
    const opened = await openXlsxInWorker("can-bo.xlsx", bytesOf(file), { spawn: fakeWorker(), onProgress: slow });
    expect(opened.host.getValue("Cán bộ", 3_001, 2)).toBe("Trần Thị 3000");
    expect(turns).toBeGreaterThan(0);
    expect(ports()).toBe(before);
  });

  it("rejects with the reader's own sentences for a file it refuses", async () => {
    const err = await openXlsxInWorker("ghi-chu.xlsx", bytesOf(new TextEncoder().encode("không phải tệp Excel")), { spawn: fakeWorker() }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OpenXlsxError);
    expect((err as OpenXlsxError).userText.vi).toMatch(/không phải là tệp Excel \.xlsx/);
  });
});
