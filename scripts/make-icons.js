#!/usr/bin/env node
// Draws the add-in's PNG icons (16, 20, 32, 64, 80, 128 px; 20 is the ribbon's at 125 % scaling) with no image library: a
// red rounded square, a white table grid and a yellow star, supersampled for
// smooth edges. Run once; the PNGs are committed under assets/.
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const RED = [200, 16, 46];
const WHITE = [255, 255, 255];
const YELLOW = [255, 205, 0];

function crc32(buf) {
  let c, crc = 0xffffffff;
  for (let n = 0; n < buf.length; n++) {
    c = (crc ^ buf[n]) & 0xff;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crc = (crc >>> 8) ^ c;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

function png(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; ihdr[9] = 6; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0;
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function insidePolygon(x, y, pts) {
  let inside = false;
  for (let i = 0, j = pts.length - 1; i < pts.length; j = i++) {
    const [xi, yi] = pts[i], [xj, yj] = pts[j];
    if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function star(cx, cy, r) {
  const pts = [];
  for (let i = 0; i < 10; i++) {
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    const rr = i % 2 === 0 ? r : r * 0.42;
    pts.push([cx + rr * Math.cos(a), cy + rr * Math.sin(a)]);
  }
  return pts;
}

// The picture in unit coordinates (0..1); returns the colour at (u, v) or null for transparent.
function colourAt(u, v) {
  const rad = 0.18;
  const cu = Math.min(Math.max(u, rad), 1 - rad), cv = Math.min(Math.max(v, rad), 1 - rad);
  if ((u - cu) ** 2 + (v - cv) ** 2 > rad * rad) return null;
  if (insidePolygon(u, v, star(0.73, 0.72, 0.22))) return YELLOW;
  // A 3-column table: header bar and grid lines.
  const left = 0.14, right = 0.72, top = 0.16, bottom = 0.66, line = 0.055;
  if (u >= left && u <= right && v >= top && v <= bottom) {
    if (v <= top + 0.12) return WHITE;
    const cols = [left, left + (right - left) / 3, left + (2 * (right - left)) / 3, right];
    const rows = [top + 0.12, top + 0.12 + (bottom - top - 0.12) / 2, bottom];
    if (cols.some((c) => Math.abs(u - c) < line / 2) || rows.some((r) => Math.abs(v - r) < line / 2)) return WHITE;
  }
  return RED;
}

function draw(size) {
  const ss = 4;
  const out = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const c = colourAt((x + (sx + 0.5) / ss) / size, (y + (sy + 0.5) / ss) / size);
          if (c) { r += c[0]; g += c[1]; b += c[2]; a += 1; }
        }
      }
      const i = (y * size + x) * 4;
      if (a > 0) { out[i] = Math.round(r / a); out[i + 1] = Math.round(g / a); out[i + 2] = Math.round(b / a); }
      out[i + 3] = Math.round((a / (ss * ss)) * 255);
    }
  }
  return png(size, out);
}

const dir = path.join(__dirname, "..", "assets");
fs.mkdirSync(dir, { recursive: true });
for (const size of [16, 20, 32, 64, 80, 128]) {
  fs.writeFileSync(path.join(dir, `icon-${size}.png`), draw(size));
}
console.log("icons written to", dir);
