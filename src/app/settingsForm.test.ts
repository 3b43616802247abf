import { SETTINGS, SETTING_KEYS, day, defaultSettings, type AnySetting } from "../core/model";
import { SETTING_INPUTS, draftsOf, readDrafts } from "./settingsForm";

const TODAY = day(2026, 11, 20);
const base = defaultSettings(TODAY);

describe("the Cài đặt tab's boxes", () => {
  test("one box per typed value of the settings table, each with its own id", () => {
    const ids = SETTING_INPUTS.map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    const expected = SETTING_KEYS.flatMap((k) => {
      const d = SETTINGS[k] as AnySetting;
      return d.kind === "numbers" ? Object.keys(d.parts).map((p) => `${k}.${p}`) : d.kind === "choice" ? [] : [k];
    });
    expect(ids).toEqual(expected);
  });

  test("the boxes say the settings they were filled from", () => {
    expect(readDrafts(base, draftsOf(base))).toEqual({ settings: base, errors: {}, conflicts: [] });
  });

  test("typed values, a decimal comma included, become settings", () => {
    const r = readDrafts(base, { ...draftsOf(base), maxAge: "75", qualityAttendancePct: "87,5", "scoreBands.tot": "95", ageBands: "18-35, 36-60, 61+" });
    expect(r.settings).toMatchObject({ maxAge: 75, qualityAttendancePct: 87.5, scoreBands: { tot: 95, kha: 70, trungBinh: 50 } });
    expect(r.settings?.ageBands).toHaveLength(3);
    expect(r.settings?.rounding).toBe(base.rounding);
  });

  test("a box that cannot be taken says why, in both languages, and nothing is saved", () => {
    const r = readDrafts(base, { ...draftsOf(base), maxAge: "abc", minAge: "17.5", ageBands: "18-30, 25-40" });
    expect(r.settings).toBeNull();
    expect(r.errors.maxAge).toEqual({ vi: "Hãy nhập một số nguyên từ 1 đến 130.", en: "Enter a whole number from 1 to 130." });
    expect(r.errors.minAge.vi).toMatch(/số nguyên/);
    expect(r.errors.ageBands.en).toMatch(/increasing bands/);
  });

  test("settings that disagree are refused with the reason", () => {
    const r = readDrafts(base, { ...draftsOf(base), minAge: "60", maxAge: "50", "scoreBands.kha": "95" });
    expect(r.settings).toBeNull();
    expect(r.conflicts.map((c) => c.en)).toEqual(["The minimum age must be below the maximum age.", "The scores must decrease: Tốt > Khá > Trung bình."]);
  });
});
