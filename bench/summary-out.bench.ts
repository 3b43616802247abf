/**
 * `chibo summary --out` held to measure on the files that broke it when it
 * loaded the input into ExcelJS (issue: 3.9 GB on the province, out of memory
 * on 40 MB, past 30 s on a merge to the last column, 3–4 GB for a 1.5 MB file
 * carrying a 1.5 GB picture). Each file is generated here, under .cache/, never
 * committed. Each run is the compiled command line in a child process under
 * /usr/bin/time: budget 30 s (CPU time held, wall printed) and 1.5 GB peak
 * RSS, an exit of 0, 1 or 2 with a plain message and no stack trace, and when
 * it exits 0, an output that opens and holds the summary sheet.
 *
 *   npx tsx bench/summary-out.bench.ts [--only NAME]
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import * as zlib from "zlib";
import { Deflate, strFromU8, strToU8, unzipSync, zipSync, type Zippable } from "fflate";
import { generateSample } from "../src/core/sample";
import { writeWorkbookFile } from "../src/xlsx/write";
import { crc32, readPart, readZipDirectory } from "../src/xlsx/zipPackage";
import { provinceXlsx } from "./province";

const ROOT = path.join(__dirname, "..");
const BIN = path.join(ROOT, "bin", "chibo.js");
const CACHE = path.join(ROOT, ".cache", "summary-out");
const BUDGET_S = 30;
const BUDGET_RSS_MB = 1536;

async function commune(file: string): Promise<void> {
  const s = generateSample({ size: "commune", seed: 21, defects: true });
  await writeWorkbookFile(file, s.workbook, { boldRows: s.headerRows });
}

function rewrite(from: string, to: string, edit: (parts: Record<string, Uint8Array>) => void): void {
  const parts = unzipSync(fs.readFileSync(from));
  edit(parts);
  const z: Zippable = {};
  for (const [name, data] of Object.entries(parts)) z[name] = [data, { level: name.startsWith("xl/media/") ? 0 : 6 }];
  fs.writeFileSync(to, zipSync(z));
}

/** A workbook of about 40 MB: a commune's tables plus a notes sheet of ~950,000 cells of hard-to-compress text. */
async function fortyMegabytes(file: string): Promise<void> {
  const base = `${file}.base.xlsx`;
  await commune(base);
  let seed = 12345;
  const rand = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff);
  const chunks: string[] = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'];
  for (let r = 1; r <= 240_000; r++) {
    let row = `<row r="${r}">`;
    for (const col of ["A", "B", "C", "D"]) {
      let text = "";
      while (text.length < 60) text += rand().toString(36);
      row += `<c r="${col}${r}" t="inlineStr"><is><t>${text}</t></is></c>`;
    }
    chunks.push(row + "</row>");
  }
  chunks.push("</sheetData></worksheet>");
  const sheet = strToU8(chunks.join(""));
  rewrite(base, file, (parts) => {
    parts["xl/worksheets/sheet99.xml"] = sheet;
    parts["xl/workbook.xml"] = strToU8(strFromU8(parts["xl/workbook.xml"]).replace("</sheets>", '<sheet name="Ghi chú" sheetId="99" r:id="rId99"/></sheets>'));
    parts["xl/_rels/workbook.xml.rels"] = strToU8(strFromU8(parts["xl/_rels/workbook.xml.rels"]).replace("</Relationships>",
      '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet99.xml"/></Relationships>'));
    parts["[Content_Types].xml"] = strToU8(strFromU8(parts["[Content_Types].xml"]).replace("</Types>",
      '<Override PartName="/xl/worksheets/sheet99.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'));
  });
  fs.unlinkSync(base);
}

/** A commune file whose cadres sheet has an Excel-legal merge from A1 to the last column, XFD1. */
async function mergeToLastColumn(file: string): Promise<void> {
  const base = `${file}.base.xlsx`;
  await commune(base);
  rewrite(base, file, (parts) => {
    const name = "xl/worksheets/sheet3.xml";
    let xml = strFromU8(parts[name]);
    // The title's own merge on row 1 would overlap: the new one takes its place.
    const merges = [...xml.matchAll(/<mergeCell ref="([^"]+)"\/>/g)].map((m) => m[1]).filter((r) => !/^A1:[A-Z]+1$/.test(r));
    merges.push("A1:XFD1");
    const block = `<mergeCells count="${merges.length}">${merges.map((r) => `<mergeCell ref="${r}"/>`).join("")}</mergeCells>`;
    xml = /<mergeCells[\s\S]*?<\/mergeCells>/.test(xml) ? xml.replace(/<mergeCells[\s\S]*?<\/mergeCells>/, block) : xml.replace("</sheetData>", `</sheetData>${block}`);
    parts[name] = strToU8(xml);
  });
  fs.unlinkSync(base);
}

/** A small commune file carrying a 1.5 GB picture (a blank bitmap, which deflates to about 1.5 MB). */
async function bigPicture(file: string): Promise<void> {
  const base = `${file}.base.xlsx`;
  await commune(base);
  const total = 1536 * 1024 * 1024;
  const chunk = new Uint8Array(64 * 1024 * 1024);
  const deflated: Uint8Array[] = [];
  const d = new Deflate({ level: 1 }, (c) => { deflated.push(c); });
  const zcrc = (zlib as unknown as { crc32?: (d: Uint8Array, v?: number) => number }).crc32;
  let crc = 0;
  for (let done = 0; done < total; done += chunk.length) {
    d.push(chunk, done + chunk.length >= total);
    crc = zcrc ? zcrc(chunk, crc) : crc32(chunk, crc);
  }
  const body = Buffer.concat(deflated);
  // Written by hand around the deflated bytes, since no zip library here takes a part it did not compress itself.
  const parts = unzipSync(fs.readFileSync(base));
  parts["[Content_Types].xml"] = strToU8(strFromU8(parts["[Content_Types].xml"]).replace("<Default ", '<Default Extension="bmp" ContentType="image/bmp"/><Default '));
  const small = Buffer.from(zipSync(parts));
  const eocd = small.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const cdOffset = small.readUInt32LE(eocd + 16);
  const cdSize = small.readUInt32LE(eocd + 12);
  const count = small.readUInt16LE(eocd + 10);
  const name = Buffer.from("xl/media/image1.bmp");
  const lh = Buffer.alloc(30);
  lh.writeUInt32LE(0x04034b50, 0); lh.writeUInt16LE(20, 4); lh.writeUInt16LE(8, 8);
  lh.writeUInt32LE(crc >>> 0, 14); lh.writeUInt32LE(body.length, 18); lh.writeUInt32LE(total, 22); lh.writeUInt16LE(name.length, 26);
  const ch = Buffer.alloc(46);
  ch.writeUInt32LE(0x02014b50, 0); ch.writeUInt16LE(20, 4); ch.writeUInt16LE(20, 6); ch.writeUInt16LE(8, 10);
  ch.writeUInt32LE(crc >>> 0, 16); ch.writeUInt32LE(body.length, 20); ch.writeUInt32LE(total, 24); ch.writeUInt16LE(name.length, 28);
  ch.writeUInt32LE(cdOffset, 42);
  const newCdOffset = cdOffset + 30 + name.length + body.length;
  const end = Buffer.from(small.subarray(eocd, eocd + 22));
  end.writeUInt16LE(count + 1, 8); end.writeUInt16LE(count + 1, 10);
  end.writeUInt32LE(cdSize + 46 + name.length, 12); end.writeUInt32LE(newCdOffset, 16);
  fs.writeFileSync(file, Buffer.concat([small.subarray(0, cdOffset), lh, name, body, small.subarray(cdOffset, cdOffset + cdSize), ch, name, end]));
  fs.unlinkSync(base);
}

interface Case {
  name: string;
  make: (file: string) => Promise<void>;
  file?: string;
}

const CASES: Case[] = [
  { name: "province", make: async () => undefined },
  { name: "40mb", make: fortyMegabytes },
  { name: "merge-to-last-column", make: mergeToLastColumn },
  { name: "picture-1.5gb", make: bigPicture },
];

interface Measured {
  code: number | null;
  wall: number;
  cpu: number;
  rssMb: number;
  stderr: string;
}

function measure(args: string[]): Measured {
  const r = spawnSync("/usr/bin/time", ["-f", "TIME %e %U %S %M", process.execPath, BIN, ...args], { cwd: ROOT, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const lines = r.stderr.trimEnd().split("\n");
  const t = /^TIME ([\d.]+) ([\d.]+) ([\d.]+) (\d+)$/.exec(lines[lines.length - 1] ?? "");
  if (!t) throw new Error(`/usr/bin/time gave no figures: ${r.stderr.slice(-500)}`);
  // `time` reports its own exit line as "Command exited with non-zero status N" before the figures.
  const stderr = lines.slice(0, -1).filter((l) => !/^Command exited with non-zero status/.test(l)).join("\n");
  return { code: r.status, wall: Number(t[1]), cpu: Number(t[2]) + Number(t[3]), rssMb: Number(t[4]) / 1024, stderr };
}

async function main(): Promise<number> {
  if (!fs.existsSync("/usr/bin/time")) {
    console.log("summary-out: /usr/bin/time is needed (Debian: apt-get install time)");
    return 1;
  }
  if (!fs.existsSync(path.join(ROOT, "build", "cli", "main.js"))) spawnSync("npm", ["run", "build:cli"], { cwd: ROOT, stdio: "inherit" });
  fs.mkdirSync(CACHE, { recursive: true });
  const only = process.argv.includes("--only") ? process.argv[process.argv.indexOf("--only") + 1] : null;
  let failed = 0;
  for (const c of CASES) {
    if (only && c.name !== only) continue;
    const file = c.name === "province" ? await provinceXlsx() : path.join(CACHE, `${c.name}.xlsx`);
    if (!fs.existsSync(file)) {
      const t0 = Date.now();
      await c.make(file);
      console.log(`  made ${path.relative(ROOT, file)} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    }
    const out = path.join(CACHE, `${c.name}.out.xlsx`);
    const m = measure(["summary", file, "--period", "2025", "--out", out, "--force"]);
    const size = (fs.statSync(file).size / 1024 / 1024).toFixed(1);
    const problems: string[] = [];
    if (m.code === null || ![0, 1, 2].includes(m.code)) problems.push(`exit ${m.code}`);
    if (/không mong đợi|\n\s+at |FATAL|heap out of memory/i.test(m.stderr)) problems.push("an unplain message");
    if (m.cpu > BUDGET_S) problems.push(`${m.cpu.toFixed(1)} s CPU over ${BUDGET_S} s`);
    if (m.rssMb > BUDGET_RSS_MB) problems.push(`${m.rssMb.toFixed(0)} MB over ${BUDGET_RSS_MB} MB`);
    if (m.code === 0) {
      const d = await readZipDirectory(out);
      const wb = d.entries.find((e) => e.name === "xl/workbook.xml");
      const text = wb ? strFromU8(await readPart(d, wb, 64 * 1024 * 1024)) : "";
      if (!text.includes('name="Tổng hợp"')) problems.push("the output has no summary sheet");
    }
    const message = m.stderr.split("\n").filter((l) => l.trim() !== "").slice(0, 2).join(" / ");
    console.log(`${c.name} (${size} MB): exit ${m.code}, ${m.wall.toFixed(1)} s wall, ${m.cpu.toFixed(1)} s CPU, peak RSS ${m.rssMb.toFixed(0)} MB` +
      ` (budget ${BUDGET_S} s, ${BUDGET_RSS_MB} MB) — ${message.slice(0, 240)}`);
    if (problems.length) { console.log(`  FAIL: ${problems.join("; ")}`); failed++; }
  }
  console.log(failed ? `summary-out: ${failed} case(s) over budget` : "summary-out: ok");
  return failed ? 1 : 0;
}

main().then((code) => { process.exitCode = code; }, (e) => { console.error(`summary-out: ${e instanceof Error ? e.message : e}`); process.exitCode = 1; });
