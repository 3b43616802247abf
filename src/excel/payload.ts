/**
 * Excel on the web caps each request and each response at 5 MB. We aim under
 * 4 MB (the budget the tests hold us to) with a margin for the envelope Office.js
 * wraps around our data, which we cannot see.
 */
export const PAYLOAD_LIMIT = 4 * 1024 * 1024;
/**
 * What one sync may carry by our own estimate: the rest of the limit is margin.
 * Our per-action estimates are calibrated on the simulated Excel's accounting
 * (JSON of each action plus an envelope) and rounded up; Excel's own hard limit
 * is 5 MB, so even a 25% misjudgement stays under it.
 */
export const SYNC_BUDGET = Math.floor(PAYLOAD_LIMIT * 0.85);
/** Excel refuses to read more than 5,000,000 cells at once; stay far below. */
export const MAX_CELLS_PER_READ = 1_000_000;

/** UTF-8 bytes of a string, without allocating a buffer (Vietnamese letters take 2 or 3). */
export function utf8Bytes(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Bytes of a value as JSON on the wire. */
export function jsonBytes(v: unknown): number {
  return utf8Bytes(JSON.stringify(v) ?? "");
}
