import { CellValue } from "./values";
import type { RuleId } from "./ruleIds";
import type { Text } from "./text";

export type Severity = "error" | "warning" | "info";


export interface Fix {
  /** What the cell will hold after the fix. */
  value: CellValue;
  /** The fix's value as a person reads it, when it is a date serial: "28/11/1986". */
  valueText?: string;
  /** One line: "Bỏ khoảng trắng thừa" / "Remove the extra spaces". */
  description: Text;
}

/**
 * One problem, pointing at the cell a person should look at. A flat plain
 * object, so a report is an array that prints, serialises and fills a sheet
 * as it is.
 */
export interface Finding {
  rule: RuleId;
  severity: Severity;
  sheet: string;
  /** A1 address without the sheet, e.g. "B12". */
  address: string;
  /** 1-based row and column letters, as in the address. */
  row: number;
  column: string;
  /** The value as read (null for table-level findings with no single value). */
  value: CellValue | null;
  /**
   * The value as a person reads it, when the raw value alone would mislead: a
   * date cell holds a serial (46250) and is shown as "15/08/2026". Set by the
   * rule from the parsed record, so a 1904-based workbook's dates come out right.
   */
  valueText?: string;
  /** One sentence that names the cell's problem; the CLI's JSON writes it as `message` (vi) and `messageEn`. */
  message: Text;
  fix: Fix | null;
  /** Other rows involved (duplicates, two secretaries), for table-level findings. */
  relatedRows?: number[];
}

export type SeverityCounts = Record<Severity, number>;
