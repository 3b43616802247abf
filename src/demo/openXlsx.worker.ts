/**
 * The demo page's file reading, off the page's thread: the .xlsx bytes come
 * in, the project's reader (src/xlsx, the same code and bounds as `chibo`)
 * reads them, and the workbook goes back in messages of about 20,000 cells,
 * so that taking each one in costs the page a few milliseconds. Started by
 * spawnReader.ts; the work is openXlsxMessages.ts's `answer`, tested in Node.
 */
import { answer, type FromReader, type ToReader } from "./openXlsxMessages";

/** The worker's global scope, as much of it as is used (the repository's types are DOM's, not a worker's). */
const scope = self as unknown as {
  onmessage: ((e: MessageEvent<ToReader>) => void) | null;
  postMessage(message: FromReader): void;
};

scope.onmessage = (e) => answer(e.data, (m) => scope.postMessage(m));
