import * as zlib from "zlib";
import type { InflateRaw } from "./zip";
import { ZipError } from "./zipDirectory";

/**
 * Node's own zlib as the inflater for the command line: native code, about
 * four times faster than fflate on a province workbook (0.12 s against 0.5 s
 * for its 110 MB of XML), and bounded the same way: `maxOutputLength` stops
 * it as soon as the output passes the bound. The browser keeps fflate.
 */
const MIN_CHUNK = 64 * 1024;

export const nodeInflateRaw: InflateRaw = (input, maxBytes, sizeHint) => {
  try {
    // One output chunk of the declared size when it is honest, so zlib does not concatenate pieces afterwards.
    const chunkSize = Math.max(MIN_CHUNK, Math.min(sizeHint + 1, maxBytes));
    const out = zlib.inflateRawSync(input, { maxOutputLength: Math.max(maxBytes, 1), chunkSize });
    return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === "ERR_BUFFER_TOO_LARGE") throw new ZipError("too-large", `inflates past ${maxBytes} bytes`);
    throw new ZipError("corrupt", e instanceof Error ? e.message : String(e));
  }
};
