import type { Dataset, Text } from "../model";
import type { Coverage } from "./types";

/** The first and last month of the file's meetings (a day, or a tracker's month or quarter). */
export function coverageOf(dataset: Dataset): Coverage | null {
  let lo = Infinity;
  let hi = -Infinity;
  const see = (y: number, m: number) => {
    const k = y * 12 + (m - 1);
    if (k < lo) lo = k;
    if (k > hi) hi = k;
  };
  for (const m of dataset.meetings) {
    if (m.date) see(m.date.y, m.date.m);
    else if (m.heldIn?.kind === "month") see(m.heldIn.y, m.heldIn.m);
    else if (m.heldIn?.kind === "quarter") {
      see(m.heldIn.y, (m.heldIn.q - 1) * 3 + 1);
      see(m.heldIn.y, m.heldIn.q * 3);
    }
  }
  if (lo === Infinity) return null;
  return { from: { y: Math.floor(lo / 12), m: (lo % 12) + 1 }, to: { y: Math.floor(hi / 12), m: (hi % 12) + 1 } };
}

const ROMAN = ["I", "II", "III", "IV"];
const mm = (m: number) => String(m).padStart(2, "0");

/**
 * The period a file covers, as a clerk would name it: "Quý III/2025" for the
 * months of one quarter, "Năm 2025" for a whole year, else "01/2025 – 09/2025".
 */
export function coverageLabel(c: Coverage | null): Text | null {
  if (!c) return null;
  const { from, to } = c;
  if (from.y === to.y) {
    const q = Math.ceil(from.m / 3);
    if (from.m === (q - 1) * 3 + 1 && to.m === q * 3) return { vi: `Quý ${ROMAN[q - 1]}/${from.y}`, en: `Q${q} ${from.y}` };
    if (from.m === 1 && to.m === 12) return { vi: `Năm ${from.y}`, en: `Year ${from.y}` };
    if (from.m === to.m) return same(`${mm(from.m)}/${from.y}`);
  }
  return same(`${mm(from.m)}/${from.y} – ${mm(to.m)}/${to.y}`);
}

/** Months written as numbers read the same in both languages. */
const same = (s: string): Text => ({ vi: s, en: s });
