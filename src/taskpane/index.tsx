import { createRoot } from "react-dom/client";
import { createExcelOperations } from "../excel";
import { officeHost } from "../excel/officeHost";
import { defaultEngine } from "../app/defaultEngine";
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
  const render = () => root.render(<App ops={createExcelOperations(officeHost())} engine={defaultEngine} theme={officeThemeName()} />);
  render();
}

Office.onReady(() => mount());
