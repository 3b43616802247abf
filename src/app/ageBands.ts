import type { AgeBand } from "../core/model";

/**
 * Age bands as people write them: "18-30, 31-40, 41-50, 51-60, 61+".
 * Returns null when the text is not a list of increasing, non-overlapping
 * bands, so the settings never hold bands the summary cannot use.
 */
export function parseAgeBands(text: string): AgeBand[] | null {
  const parts = text.split(/[,;]/).map((p) => p.trim()).filter(Boolean);
  if (!parts.length) return null;
  const bands: AgeBand[] = [];
  for (const [i, part] of parts.entries()) {
    const open = /^(\d{1,3})\s*(\+|trở lên|tro len|and over)$/i.exec(part);
    const closed = /^(\d{1,3})\s*[-–]\s*(\d{1,3})$/.exec(part);
    let band: AgeBand;
    if (open && i === parts.length - 1) band = { key: `over${Number(open[1]) - 1}`, min: Number(open[1]), max: null };
    else if (closed && Number(closed[1]) <= Number(closed[2])) band = { key: `${Number(closed[1])}-${Number(closed[2])}`, min: Number(closed[1]), max: Number(closed[2]) };
    else return null;
    const prev = bands[bands.length - 1];
    if (prev && (prev.max === null || band.min <= prev.max)) return null;
    bands.push(band);
  }
  return bands;
}

export function formatAgeBands(bands: AgeBand[]): string {
  return bands.map((b) => (b.max === null ? `${b.min}+` : `${b.min}-${b.max}`)).join(", ");
}
