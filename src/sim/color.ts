import { invalidArgument } from "./errors";

const NAMED: Record<string, string> = {
  black: "#000000", white: "#FFFFFF", red: "#FF0000", green: "#008000", blue: "#0000FF", yellow: "#FFFF00",
  orange: "#FFA500", gray: "#808080", grey: "#808080", lightgray: "#D3D3D3", lightgrey: "#D3D3D3", pink: "#FFC0CB",
  purple: "#800080", lightyellow: "#FFFFE0", lightgreen: "#90EE90", lightblue: "#ADD8E6",
};

/** Excel accepts "#RRGGBB", "#RGB" and HTML colour names, and gives colours back as "#RRGGBB" in capitals. */
export function normalizeColor(input: unknown): string {
  if (typeof input !== "string") throw invalidArgument(`A colour must be text like "#FFC7CE", not ${typeof input}.`);
  const s = input.trim();
  const named = NAMED[s.toLowerCase()];
  if (named) return named;
  let m = /^#?([0-9a-f]{6})$/i.exec(s);
  if (m) return "#" + m[1].toUpperCase();
  m = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(s);
  if (m) return ("#" + m[1] + m[1] + m[2] + m[2] + m[3] + m[3]).toUpperCase();
  throw invalidArgument(`"${input}" is not a colour Excel understands.`);
}
