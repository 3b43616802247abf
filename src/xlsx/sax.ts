import { StringDecoder } from "string_decoder";

// saxes comes with ExcelJS; its own typings are not needed for the few calls made here.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { SaxesParser } = require("saxes");

export interface SaxTag {
  name: string;
  attributes: Record<string, string>;
}

export type SaxEvent =
  | { eventType: "opentag"; value: SaxTag }
  | { eventType: "text"; value: string }
  | { eventType: "closetag"; value: SaxTag };

/**
 * SAX events of an XML stream, in batches (one per chunk read).
 *
 * ExcelJS's own parse-sax decodes every chunk on its own, so a Vietnamese
 * letter whose UTF-8 bytes straddle two chunks ("ọ" is 3 bytes) turns into
 * two U+FFFD marks: in a province workbook that garbles a handful of names.
 * A StringDecoder carries the partial character over to the next chunk.
 */
export async function* saxEvents(iterable: AsyncIterable<unknown>): AsyncGenerator<SaxEvent[]> {
  const parser = new SaxesParser();
  const decoder = new StringDecoder("utf8");
  let error: Error | undefined;
  let events: SaxEvent[] = [];
  parser.on("error", (e: Error) => { error = e; });
  parser.on("opentag", (value: SaxTag) => events.push({ eventType: "opentag", value }));
  parser.on("text", (value: string) => events.push({ eventType: "text", value }));
  parser.on("closetag", (value: SaxTag) => events.push({ eventType: "closetag", value }));
  for await (const chunk of iterable) {
    parser.write(typeof chunk === "string" ? chunk : decoder.write(chunk as Buffer));
    if (error) throw error;
    yield events;
    events = [];
  }
  const rest = decoder.end();
  if (rest) parser.write(rest);
  parser.close();
  if (error) throw error;
  if (events.length) yield events;
}

/** Shared strings as plain text: the <t> runs of each <si>, without phonetic guides (<rPh>). */
export async function readSharedStrings(iterable: AsyncIterable<unknown>): Promise<string[]> {
  const out: string[] = [];
  let current = "";
  let inT = false;
  let inRph = false;
  for await (const batch of saxEvents(iterable)) {
    for (const ev of batch) {
      if (ev.eventType === "opentag") {
        if (ev.value.name === "si") current = "";
        else if (ev.value.name === "t") inT = !inRph;
        else if (ev.value.name === "rPh") inRph = true;
      } else if (ev.eventType === "text") {
        if (inT) current += ev.value;
      } else {
        if (ev.value.name === "t") inT = false;
        else if (ev.value.name === "rPh") inRph = false;
        else if (ev.value.name === "si") out.push(current);
      }
    }
  }
  return out;
}
