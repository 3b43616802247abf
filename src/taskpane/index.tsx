import { createRoot } from "react-dom/client";
import { createExcelOperations, hostError } from "../excel";
import { officeHost } from "../excel/officeHost";
import { createWorkerEngine } from "../app/workerEngine";
import { spawnCoreWorker } from "../app/spawnCoreWorker";
import { App } from "./App";
import { themeFromBackground } from "./officeTheme";

/**
 * Production entry: runs inside Excel only. The pane talks to the workbook
 * through the Office.js adapter; nothing here knows about the simulator.
 */
function officeThemeName(): "light" | "dark" {
  try {
    return themeFromBackground(Office.context.officeTheme?.bodyBackgroundColor);
  } catch {
    return "light"; // officeTheme is missing in some hosts (Excel 2021 on Mac): light is the safe default
  }
}

function mount(): void {
  const el = document.getElementById("root");
  if (!el) return;
  const root = createRoot(el);
  // The core runs in a Web Worker: the pane stays responsive on a province workbook.
  const engine = createWorkerEngine(spawnCoreWorker);
  const render = () => root.render(<App ops={createExcelOperations(officeHost())} engine={engine} theme={officeThemeName()} />);
  render();
}

/** A plain sentence in place of the pane, in both languages, when there is no Excel to work in. */
function showAlert(text: string): void {
  const el = document.getElementById("root");
  if (!el) return;
  el.setAttribute("role", "alert");
  el.style.padding = "12px";
  el.textContent = text;
}

// office.js comes from Microsoft's CDN: without a connection it is missing, and the pane says so plainly.
if (typeof Office === "undefined") {
  showAlert(
    "Không tải được Office.js. Hãy kiểm tra kết nối mạng rồi đóng và mở lại ngăn tác vụ. " +
      "(Office.js could not be loaded. Check the network connection, then close and reopen the task pane.)",
  );
} else {
  // Opened in a plain browser (or another Office app), office.js reports no Excel host: say so, not "unexpected error".
  Office.onReady((info) => {
    if (info.host !== Office.HostType.Excel) {
      const e = hostError("notInExcel");
      showAlert(`${e.userText.vi} (${e.userText.en})`);
      return;
    }
    mount();
  });
}
