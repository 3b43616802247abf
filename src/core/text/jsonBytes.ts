/**
 * The UTF-8 bytes of a value as JSON.stringify writes it, counted without
 * building the JSON. Excel on the web caps every request and response at 5 MB
 * of JSON, so the adapter and the simulated Excel measure each chunk they
 * send or serve; on a province workbook that is a hundred megabytes of
 * strings built and thrown away on the pane's thread. Arrays, plain objects
 * and primitives (what range values and requests are) are walked; anything
 * else (a Date, an object with toJSON) is stringified.
 */
export function jsonBytes(value: unknown): number {
  return bytesOf(value, new Map());
}

/**
 * Cell text repeats (communes, cells, "Thường kỳ", "Trực tiếp"): each distinct
 * string is counted once per call. Bounded, so a sheet of all-different text
 * costs a lookup per cell and no more memory.
 */
type Seen = Map<string, number>;
const MAX_SEEN = 50_000;

function bytesOf(value: unknown, seen: Seen): number {
  switch (typeof value) {
    case "string": {
      const known = seen.get(value);
      if (known !== undefined) return known;
      const n = jsonStringBytes(value);
      if (seen.size < MAX_SEEN) seen.set(value, n);
      return n;
    }
    case "number":
      return numberBytes(value);
    case "boolean":
      return value ? 4 : 5;
    case "object":
      if (value === null) return 4;
      if (Array.isArray(value)) return arrayBytes(value, seen);
      if (isPlainObject(value)) return objectBytes(value, seen);
      return utf8Bytes(JSON.stringify(value) ?? "");
    default:
      // undefined, functions and symbols: no JSON of their own (stringify gives undefined).
      return 0;
  }
}

/** JSON writes a finite number as Number#toString does (-0 as "0"), and NaN or Infinity as null. */
function numberBytes(v: number): number {
  if (!Number.isFinite(v)) return 4;
  // Whole numbers below 1e21 are all their digits: counted without making a string (most cells are such).
  if (Number.isInteger(v) && Math.abs(v) < 1e21) {
    let n = v < 0 ? 2 : 1;
    for (let a = Math.abs(v); a >= 10; a = Math.floor(a / 10)) n++;
    return n;
  }
  return String(v).length;
}

function isPlainObject(v: object): v is Record<string, unknown> {
  const proto = Object.getPrototypeOf(v);
  return (proto === Object.prototype || proto === null) && typeof (v as { toJSON?: unknown }).toJSON !== "function";
}

/** {"key":value,…}; keys whose value JSON leaves out (undefined, functions, symbols) are skipped. */
function objectBytes(o: Record<string, unknown>, seen: Seen): number {
  let n = 2;
  let first = true;
  for (const key of Object.keys(o)) {
    const v = o[key];
    if (v === undefined || typeof v === "function" || typeof v === "symbol") continue;
    n += (first ? 0 : 1) + jsonStringBytes(key) + 1 + bytesOf(v, seen);
    first = false;
  }
  return n;
}

function arrayBytes(a: readonly unknown[], seen: Seen): number {
  let n = 2 + Math.max(0, a.length - 1);
  for (let i = 0; i < a.length; i++) {
    const v = a[i];
    // Holes, undefined, functions and symbols are written as null inside an array.
    n += v === undefined || typeof v === "function" || typeof v === "symbol" ? 4 : bytesOf(v, seen);
  }
  return n;
}

/** A string in JSON: quotes, escapes (\" \\ \n …, \u00XX for other control characters, \uXXXX for lone surrogates), UTF-8. */
export function jsonStringBytes(s: string): number {
  let n = 2;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) {
      if (c >= 0x20) n += c === 0x22 || c === 0x5c ? 2 : 1;
      else n += c === 0x08 || c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d ? 2 : 6;
    } else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      const d = i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
      if (d >= 0xdc00 && d <= 0xdfff) {
        n += 4;
        i++;
      } else n += 6;
    } else if (c >= 0xdc00 && c <= 0xdfff) n += 6;
    else n += 3;
  }
  return n;
}

/** UTF-8 bytes of a string (Vietnamese letters take 2 or 3; a lone surrogate is written as U+FFFD, 3). */
export function utf8Bytes(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && s.charCodeAt(i + 1) >= 0xdc00 && s.charCodeAt(i + 1) <= 0xdfff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}
