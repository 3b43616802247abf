import {
  SETTINGS, SETTING_CHECKS, SETTING_KEYS, formatAgeBands, parseAgeBands,
  type AnySetting, type SavedSettings, type Settings, type Text,
} from "../core/model";

/**
 * The boxes of the Cài đặt tab, one per typed value of the settings table
 * (core/model/settings.ts): a number, each part of a group of numbers, the age
 * bands. A new setting in the table gets its box here without a line of the
 * tab changing. Choices (the rounding) are picked where they matter, on the
 * Tổng hợp tab, from the same table.
 */
export interface SettingInput {
  /** Unique among the inputs: the setting's key, or "key.part". */
  id: string;
  label: Text;
  hint?: Text;
  /** A narrow number box, or a line of text. */
  wide: boolean;
  read(s: Settings): string;
  /** The settings with this box's text in them, or why the text cannot be taken. */
  parse(text: string, s: Settings): { ok: true; settings: Settings } | { ok: false; error: Text };
}

/** "85", "85,5" or "85.5", as people type numbers here. */
function readNumber(text: string): number | null {
  const t = text.trim();
  return /^\d+([.,]\d+)?$/.test(t) ? Number(t.replace(",", ".")) : null;
}

function numberError(min: number, max: number, integer: boolean): Text {
  return integer
    ? { vi: `Hãy nhập một số nguyên từ ${min} đến ${max}.`, en: `Enter a whole number from ${min} to ${max}.` }
    : { vi: `Hãy nhập một số từ ${min} đến ${max}.`, en: `Enter a number from ${min} to ${max}.` };
}

function numberBox(id: string, label: Text, min: number, max: number, integer: boolean,
  get: (s: Settings) => number, set: (s: Settings, v: number) => Settings): SettingInput {
  return {
    id, label, wide: false,
    read: (s) => String(get(s)),
    parse: (text, s) => {
      const v = readNumber(text);
      if (v === null || v < min || v > max || (integer && !Number.isInteger(v))) return { ok: false, error: numberError(min, max, integer) };
      return { ok: true, settings: set(s, v) };
    },
  };
}

function inputsOf(key: keyof SavedSettings, d: AnySetting): SettingInput[] {
  switch (d.kind) {
    case "number":
      return [numberBox(key, d.label, d.min, d.max, d.integer, (s) => s[key] as number, (s, v) => ({ ...s, [key]: v }))];
    case "numbers":
      return Object.entries(d.parts).map(([part, label]) => numberBox(`${key}.${part}`, label, d.min, d.max, false,
        (s) => (s[key] as Record<string, number>)[part],
        (s, v) => ({ ...s, [key]: { ...(s[key] as Record<string, number>), [part]: v } })));
    case "ageBands":
      return [{
        id: key, label: d.label, hint: d.hint, wide: true,
        read: (s) => formatAgeBands(s.ageBands),
        parse: (text, s) => {
          const bands = parseAgeBands(text);
          return bands === null
            ? { ok: false, error: { vi: "Hãy nhập các nhóm tăng dần, không chồng nhau, ví dụ 18-30, 31-40, 61+.", en: "Enter increasing bands that do not overlap, e.g. 18-30, 31-40, 61+." } }
            : { ok: true, settings: { ...s, ageBands: bands } };
        },
      }];
    case "choice":
      return [];
    default: {
      const never: never = d;
      return never;
    }
  }
}

export const SETTING_INPUTS: readonly SettingInput[] = SETTING_KEYS.flatMap((key) => inputsOf(key, SETTINGS[key] as AnySetting));

export function draftsOf(s: Settings): Record<string, string> {
  return Object.fromEntries(SETTING_INPUTS.map((i) => [i.id, i.read(s)]));
}

export interface SettingsDraft {
  /** The settings the drafts say, when every box and every check is right. */
  settings: Settings | null;
  /** Per box: why its text cannot be taken. */
  errors: Record<string, Text>;
  /** Settings that disagree with each other (SETTING_CHECKS). */
  conflicts: Text[];
}

/** The settings the boxes say, on top of `base` (which keeps what no box edits: the rounding, today). */
export function readDrafts(base: Settings, drafts: Record<string, string>): SettingsDraft {
  let s = base;
  const errors: Record<string, Text> = {};
  for (const input of SETTING_INPUTS) {
    const r = input.parse(drafts[input.id] ?? input.read(base), s);
    if (r.ok) s = r.settings;
    else errors[input.id] = r.error;
  }
  if (Object.keys(errors).length > 0) return { settings: null, errors, conflicts: [] };
  const conflicts = SETTING_CHECKS.filter((c) => !c.holds(s)).map((c) => c.message);
  return { settings: conflicts.length ? null : s, errors, conflicts };
}
