import { Rect } from "./address";
import { accessDenied } from "./errors";
import { SheetModel, cellKey } from "./model";

/** What a write changes, since a protected sheet can allow some of them. */
export type EditKind = "cells" | "formats" | "objects";

/**
 * Throws AccessDenied, as Excel does, for a change a protected sheet forbids.
 * Cells whose `locked` format is false stay editable, as in Excel.
 */
export function assertEditable(sheet: SheetModel, rect: Rect | null, kind: EditKind, what: string): void {
  const p = sheet.protection;
  if (!p.protected) return;
  if (kind === "formats" && p.allowFormatCells) return;
  if (kind === "objects" && p.allowEditObjects) return;
  if (kind === "cells" && rect) {
    let allUnlocked = true;
    for (let r = rect.r0; r < rect.r0 + rect.rows && allUnlocked; r++) {
      for (let c = rect.c0; c < rect.c0 + rect.cols; c++) {
        if (sheet.styles.get(cellKey(r, c))?.locked !== false) {
          allUnlocked = false;
          break;
        }
      }
    }
    if (allUnlocked) return;
  }
  throw accessDenied(`${sheet.name}: ${what}`);
}
