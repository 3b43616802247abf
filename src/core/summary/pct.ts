import { RoundingMode } from "../model";
import { CountPct } from "./types";

/**
 * The share count/denominator in hundredths of a percent, as an integer, so that
 * 961/3471 gives 2768 (truncate) and 209/429 gives 4872 (round) with no
 * floating-point drift: published reports disagree on the rule (DOMAIN.md,
 * "Rounding"), and the figures must match them to the hundredth.
 * Round means half up. Null when the denominator is 0.
 */
export function pctHundredths(count: number, denominator: number, mode: RoundingMode): number | null {
  if (!Number.isInteger(count) || !Number.isInteger(denominator) || count < 0 || denominator < 0) {
    throw new RangeError(`pctHundredths needs non-negative integers, got ${count}/${denominator}`);
  }
  if (denominator === 0) return null;
  const scaled = count * 10000;
  // Stays exact while count * 20000 < 2^53, far beyond any province.
  return mode === "truncate" ? Math.floor(scaled / denominator) : Math.floor((2 * scaled + denominator) / (2 * denominator));
}

/** The percentage with two decimals (21.43 for 9/42), or null when the denominator is 0. */
export function formatPct(count: number, denominator: number, mode: RoundingMode): number | null {
  const h = pctHundredths(count, denominator, mode);
  // Dividing an integer by 100 gives the double nearest the decimal, which prints as written.
  return h === null ? null : h / 100;
}

export function countPct(count: number, denominator: number, mode: RoundingMode): CountPct {
  return { count, pct: formatPct(count, denominator, mode) };
}

/** Difference of two two-decimal percentages, kept exact by working in hundredths. */
export function pctPointDiff(now: number | null, before: number | null): number | null {
  if (now === null || before === null) return null;
  return (Math.round(now * 100) - Math.round(before * 100)) / 100;
}

/** Vietnamese number text: 3471 -> "3.471", 27.68 -> "27,68". */
export function formatNumberVi(n: number, decimals = 0): string {
  const neg = n < 0;
  const fixed = Math.abs(n).toFixed(decimals);
  const [int, frac] = fixed.split(".");
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return (neg ? "-" : "") + grouped + (frac ? "," + frac : "");
}

/** "27,68%", or "—" when there is no share. */
export function formatPctVi(pct: number | null): string {
  return pct === null ? "—" : formatNumberVi(pct, 2) + "%";
}

/** English number text: 3471 -> "3,471", 27.68 -> "27.68". */
export function formatNumberEn(n: number, decimals = 0): string {
  return formatNumberVi(n, decimals).replace(/[.,]/g, (c) => (c === "." ? "," : "."));
}
