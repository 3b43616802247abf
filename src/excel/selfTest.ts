import type { ApiSupport, ExcelHost } from "./host";
import type { OnProgress, SelfTestCheck, SelfTestReport } from "./operations";
import { fillKeyOf } from "./highlight";
import { DATE_FORMAT } from "./fixes";
import { columnLetter, type Text } from "../core/model";
import { uniqueSheetName } from "../core/plan/sheetName";

/**
 * "Tự kiểm tra trong Excel": what this adapter relies on but can only assume
 * without a real Excel (src/excel/README.md, "To try in real Excel"), tried
 * on a scratch sheet that is added first and removed last. Each check is
 * on its own: one failing says so and the next runs. Nothing outside the
 * scratch sheet changes, except settings under a test key, removed at once.
 */
const SCRATCH = "ChiBo.TuKiemTra";
const TEST_SETTING = "chibo.selftest";
const VERSIONS = ["1.7", "1.8", "1.9", "1.10", "1.11", "1.12", "1.13", "1.14", "1.15", "1.16", "1.17"];

type Outcome = SelfTestCheck["outcome"];
interface Check {
  id: string;
  title: Text;
  /** Runs in its own Excel.run; returns what Excel answered and whether it is what the add-in expects. */
  run(context: Excel.RequestContext, ws: Excel.Worksheet): Promise<{ outcome: Outcome; detail: string }>;
  needs?: keyof ApiSupport;
}

function codeOf(e: unknown): string {
  const err = e as { code?: string; message?: string } | null;
  return err?.code ? `${err.code}: ${err.message ?? ""}`.slice(0, 160) : String(e).slice(0, 160);
}

/** A block of text about `bytes` long on the wire: rows of one column, 1,000 characters each. */
function textBlock(bytes: number): string[][] {
  const line = "x".repeat(1000);
  return Array.from({ length: Math.ceil(bytes / 1006) }, () => [line]);
}

/** Sends one request of about `bytes`; answers "accepted" or the error code. */
async function sendOf(context: Excel.RequestContext, ws: Excel.Worksheet, bytes: number): Promise<string> {
  const block = textBlock(bytes);
  ws.getRange(`A1:A${block.length}`).values = block;
  try {
    await context.sync();
    return "accepted";
  } catch (e) {
    return codeOf(e);
  } finally {
    ws.getRange("A:A").clear();
    await context.sync().catch(() => undefined);
  }
}

const CHECKS: Check[] = [
  {
    id: "white-fill",
    title: { vi: "Tô trắng và không tô được phân biệt (tintAndShade)", en: "White fill told from no fill (tintAndShade)" },
    needs: "cellProperties",
    async run(context, ws) {
      ws.getRange("B1").format.fill.color = "#FFFFFF";
      ws.getRange("B2").format.fill.clear();
      const props = ws.getRange("B1:B2").getCellProperties({ format: { fill: { color: true, pattern: true, tintAndShade: true } } });
      await context.sync();
      const [white, none] = props.value.map((r) => r[0].format?.fill ?? {});
      const detail = `trắng/white: ${JSON.stringify(white)}; không tô/no fill: ${JSON.stringify(none)}`;
      const ok = fillKeyOf(white.color, white.tintAndShade ?? null) === "#FFFFFF" && fillKeyOf(none.color, none.tintAndShade ?? null) === "";
      return { outcome: ok ? "ok" : "differs", detail };
    },
  },
  {
    id: "date-format",
    title: { vi: "Sửa ngày ghi số kèm định dạng dd/mm/yyyy", en: "A date fix writes the serial with dd/mm/yyyy" },
    async run(context, ws) {
      const cell = ws.getRange("C1");
      cell.numberFormat = [[DATE_FORMAT]];
      cell.values = [[31779]];
      cell.load("text,values");
      await context.sync();
      const shown = (cell.text as string[][])[0][0];
      return { outcome: shown === "02/01/1987" ? "ok" : "differs", detail: `31779 → "${shown}"` };
    },
  },
  {
    id: "date-system",
    title: { vi: "Hệ ngày của sổ làm việc (DATE(2000,1,1))", en: "The workbook's date system (DATE(2000,1,1))" },
    async run(context) {
      const probe = context.workbook.functions.date(2000, 1, 1);
      probe.load("value");
      await context.sync();
      const v = probe.value as number;
      return { outcome: v === 36526 || v === 35064 ? "ok" : "differs", detail: `${v} (${v === 35064 ? "1904" : v === 36526 ? "1900" : "?"})` };
    },
  },
  {
    id: "request-4mb",
    title: { vi: "Gửi một lần 4,4 MB (cỡ lớn nhất bổ trợ dùng)", en: "One request of 4.4 MB (the largest the add-in sends)" },
    async run(context, ws) {
      const answer = await sendOf(context, ws, 4_400_000);
      return { outcome: answer === "accepted" ? "ok" : "differs", detail: answer };
    },
  },
  {
    id: "request-6mb",
    title: { vi: "Gửi một lần 6 MB (quá giới hạn 5 MB của Excel trên web)", en: "One request of 6 MB (over Excel on the web's 5 MB)" },
    async run(context, ws) {
      const answer = await sendOf(context, ws, 6_000_000);
      // Refused as too large, or GeneralException (retried smaller too), or accepted (desktop): all handled.
      const known = answer === "accepted" || /^(RequestPayloadSizeLimitExceeded|PayloadTooLarge|GeneralException)/.test(answer);
      return { outcome: known ? "ok" : "differs", detail: answer };
    },
  },
  {
    id: "get-ranges-long",
    title: { vi: "Danh sách 600 vùng trong getRanges", en: "A getRanges list of 600 areas" },
    needs: "cellProperties",
    async run(context, ws) {
      const list = Array.from({ length: 600 }, (_, i) => `${columnLetter(5 + (i % 20))}${1 + Math.floor(i / 20) * 2}`).join(",");
      ws.getRanges(list).format.fill.color = "#FFEB9C";
      try {
        await context.sync();
        return { outcome: "ok", detail: `accepted (${list.length} chars)` };
      } catch (e) {
        // The add-in sends lists of at most 200 areas and 2,000 characters, and shorter ones after a refusal.
        return { outcome: "ok", detail: `refused (${list.length} chars): ${codeOf(e)}` };
      }
    },
  },
  {
    id: "merged-513",
    title: { vi: "Hơn 512 vùng gộp ô (getMergedAreasOrNullObject)", en: "More than 512 merged areas (getMergedAreasOrNullObject)" },
    needs: "mergedAreas",
    async run(context, ws) {
      for (let i = 0; i < 520; i++) ws.getRange(`Z${1 + 2 * i}:AA${1 + 2 * i}`).merge(false);
      await context.sync();
      const merged = ws.getRange("Z1:AA1040").getMergedAreasOrNullObject();
      merged.load("areaCount");
      try {
        await context.sync();
        return { outcome: "ok", detail: merged.isNullObject ? "null object" : `${merged.areaCount} areas` };
      } catch (e) {
        return { outcome: "ok", detail: `refused: ${codeOf(e)} (the read goes on without merges)` };
      }
    },
  },
  {
    id: "merged-on-null",
    title: { vi: "Vùng gộp của một vùng dùng rỗng, cùng một lần gửi", en: "Merged areas of an empty used range, in the same request" },
    needs: "mergedAreas",
    async run(context, ws) {
      const used = ws.getRange("AZ1:BA2").getUsedRangeOrNullObject(true);
      const merged = used.getMergedAreasOrNullObject();
      merged.load("address");
      try {
        await context.sync();
        return { outcome: "ok", detail: `accepted (null: ${merged.isNullObject})` };
      } catch (e) {
        // The add-in asks for merges only of sheets whose used range exists.
        return { outcome: "ok", detail: `refused: ${codeOf(e)}` };
      }
    },
  },
  {
    id: "settings-size",
    title: { vi: "Cài đặt của bổ trợ: 0,5 MB và 1,2 MB", en: "Add-in settings: 0.5 MB and 1.2 MB" },
    async run(context) {
      const answers: string[] = [];
      // Not 2 MB and more: Excel has run out of memory on large settings (office-js#621).
      for (const size of [500_000, 1_200_000]) {
        context.workbook.settings.add(TEST_SETTING, "x".repeat(size));
        try {
          // Each size alone in its request: the answer to each is what the check wants to know.
          // eslint-disable-next-line office-addins/no-context-sync-in-loop
          await context.sync();
          answers.push(`${size}: accepted`);
        } catch (e) {
          answers.push(`${size}: ${codeOf(e)}`);
        }
      }
      context.workbook.settings.getItemOrNullObject(TEST_SETTING).delete();
      await context.sync().catch(() => undefined);
      // The add-in keeps settings small (an index, small states inline up to 100,000 characters).
      return { outcome: answers[0].endsWith("accepted") ? "ok" : "differs", detail: answers.join("; ") };
    },
  },
  {
    id: "very-hidden",
    title: { vi: "Trang ẩn hẳn (VeryHidden) để lưu thông tin hoàn tác", en: "A very hidden sheet to keep undo information" },
    async run(context, ws) {
      ws.visibility = "VeryHidden";
      ws.load("visibility");
      try {
        await context.sync();
        return { outcome: ws.visibility === "VeryHidden" ? "ok" : "differs", detail: ws.visibility };
      } finally {
        ws.visibility = "Hidden";
        await context.sync().catch(() => undefined);
      }
    },
  },
  {
    id: "screen-updating",
    title: { vi: "Tạm dừng vẽ lại màn hình (suspendScreenUpdatingUntilNextSync)", en: "Screen updating suspended (suspendScreenUpdatingUntilNextSync)" },
    needs: "screenUpdating",
    async run(context) {
      context.workbook.application.suspendScreenUpdatingUntilNextSync();
      await context.sync();
      return { outcome: "ok", detail: "accepted" };
    },
  },
  {
    id: "dropdown-vi",
    title: { vi: "Danh sách chọn tiếng Việt", en: "A dropdown of Vietnamese values" },
    needs: "dataValidation",
    async run(context, ws) {
      const dv = ws.getRange("D1").dataValidation;
      dv.clear();
      dv.rule = { list: { inCellDropDown: true, source: "Đạt,Không đạt,Xuất sắc" } };
      dv.load("rule");
      await context.sync();
      const source = dv.rule.list?.source ?? "";
      return { outcome: source === "Đạt,Không đạt,Xuất sắc" ? "ok" : "differs", detail: `source: ${source}` };
    },
  },
];

/** Runs every check on a scratch sheet, then removes it. */
export async function runSelfTest(host: ExcelHost, support: ApiSupport, onProgress?: OnProgress): Promise<SelfTestReport> {
  const apiVersions = VERSIONS.filter((v) => {
    try {
      return host.isSetSupported("ExcelApi", v);
    } catch {
      return false;
    }
  });
  const checks: SelfTestCheck[] = [];
  const total = CHECKS.length + 2;
  let done = 0;
  const step = (label: string) => onProgress?.({ done: done++, total, label });
  step("Đang tạo trang thử…");
  const scratch = await host.run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    await context.sync();
    const name = uniqueSheetName(SCRATCH, sheets.items.map((s) => s.name));
    const ws = sheets.add(name);
    ws.visibility = "Hidden";
    await context.sync();
    return name;
  });
  try {
    for (const check of CHECKS) {
      step(check.title.vi);
      const base = { id: check.id, title: check.title };
      if (check.needs && !support[check.needs]) {
        checks.push({ ...base, outcome: "skipped", detail: "not in this Excel's API version" });
        continue;
      }
      try {
        const result = await host.run(async (context) => check.run(context, context.workbook.worksheets.getItem(scratch)));
        checks.push({ ...base, ...result });
      } catch (e) {
        checks.push({ ...base, outcome: "error", detail: codeOf(e) });
      }
    }
  } finally {
    step("Đang xóa trang thử…");
    await host.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(scratch);
      ws.visibility = "Hidden";
      ws.delete();
      await context.sync();
    });
  }
  const text = [
    "Tổng hợp Chi bộ: tự kiểm tra trong Excel / self-test in Excel",
    `ExcelApi: ${apiVersions.join(", ") || "?"}`,
    ...checks.map((c) => `[${c.outcome}] ${c.id} · ${c.title.en}: ${c.detail}`),
  ].join("\n");
  return { apiVersions, checks, text };
}
