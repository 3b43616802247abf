/** "#RRGGBB" -> relative luminance 0..1, enough to tell a dark Office theme from a light one. */
export function luminance(hex: string): number | null {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!m) return null;
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => parseInt(h, 16) / 255);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Office gives the theme as colours, not a name: a dark body background means the dark theme. */
export function themeFromBackground(bodyBackgroundColor: string | undefined): "light" | "dark" {
  const l = bodyBackgroundColor ? luminance(bodyBackgroundColor) : null;
  return l !== null && l < 0.5 ? "dark" : "light";
}
