import { DEFAULT_AGE_BANDS, SETTINGS, SETTING_CHECKS, SETTING_KEYS, defaultSettings, formatAgeBands, parseAgeBands, restoreSettings, toSaved, type AnySetting } from "./settings";
import { day } from "./dates";

const TODAY = day(2026, 11, 20);

describe("the settings table", () => {
  test("DOMAIN.md's defaults", () => {
    const s = defaultSettings(TODAY);
    expect(s).toEqual({
      minAge: 18, maxAge: 80, qualityAttendancePct: 85, minMinutes: 90, minMinutesCombined: 120,
      scoreBands: { tot: 90, kha: 70, trungBinh: 50 }, ageBands: DEFAULT_AGE_BANDS, rounding: "round", today: TODAY,
    });
    // Each call gives its own copies: editing one run's bands never edits the defaults.
    s.ageBands[0].max = 29;
    expect(defaultSettings(TODAY).ageBands[0].max).toBe(30);
  });

  test("every setting has both labels, says what it changes, and its default is one it restores", () => {
    for (const key of SETTING_KEYS) {
      const d = SETTINGS[key] as AnySetting;
      expect([d.label.vi, d.label.en, d.about.vi, d.about.en].every((t) => t.trim().length > 0)).toBe(true);
      expect(d.restore(d.fresh())).toEqual(d.fresh());
    }
  });

  test("the defaults meet every check", () => {
    const s = defaultSettings(TODAY);
    for (const c of SETTING_CHECKS) expect(c.holds(s)).toBe(true);
  });
});

describe("restoring saved settings", () => {
  test("a saved workbook's settings come back as they were", () => {
    const saved = { ...toSaved(defaultSettings(TODAY)), maxAge: 75, rounding: "truncate", scoreBands: { tot: 95, kha: 75, trungBinh: 55 } };
    expect(toSaved(restoreSettings(JSON.parse(JSON.stringify(saved)), TODAY))).toEqual(saved);
  });

  test("saved values win setting by setting; junk falls back to the default", () => {
    const s = restoreSettings({ maxAge: 75, minAge: "x", rounding: "truncate", scoreBands: { tot: 95 }, minMinutes: -5, qualityAttendancePct: 101 }, TODAY);
    expect(s.maxAge).toBe(75);
    expect(s.minAge).toBe(18);
    expect(s.minMinutes).toBe(90);
    expect(s.qualityAttendancePct).toBe(85);
    expect(s.rounding).toBe("truncate");
    expect(s.scoreBands).toEqual({ tot: 95, kha: 70, trungBinh: 50 });
    expect(s.today).toEqual(TODAY);
  });

  test("nothing saved, or not an object, is the defaults", () => {
    expect(restoreSettings(null, TODAY)).toEqual(defaultSettings(TODAY));
    expect(restoreSettings("junk", TODAY)).toEqual(defaultSettings(TODAY));
  });

  test("bands that overlap, or ages that cross, go back to the defaults", () => {
    const s = restoreSettings({ ageBands: [{ key: "a", min: 18, max: 40 }, { key: "b", min: 30, max: 50 }], minAge: 70, maxAge: 60 }, TODAY);
    expect(s.ageBands).toEqual(DEFAULT_AGE_BANDS);
    expect([s.minAge, s.maxAge]).toEqual([18, 80]);
    expect(restoreSettings({ scoreBands: { tot: 50, kha: 70, trungBinh: 60 } }, TODAY).scoreBands).toEqual({ tot: 90, kha: 70, trungBinh: 50 });
  });

  test("today is never saved", () => {
    expect(toSaved(defaultSettings(TODAY))).not.toHaveProperty("today");
  });
});

describe("age bands", () => {
  test("read as people write them", () => {
    expect(parseAgeBands("18-30, 31-40, 41-50, 51-60, 61+")).toEqual(DEFAULT_AGE_BANDS);
    expect(formatAgeBands(DEFAULT_AGE_BANDS)).toBe("18-30, 31-40, 41-50, 51-60, 61+");
    expect(parseAgeBands("18 - 35; 36-60; 61 trở lên")).toEqual([
      { key: "18-35", min: 18, max: 35 }, { key: "36-60", min: 36, max: 60 }, { key: "over60", min: 61, max: null },
    ]);
  });
  test("overlapping, reversed, or open bands before the end are refused", () => {
    expect(parseAgeBands("18-30, 30-40")).toBeNull();
    expect(parseAgeBands("40-30")).toBeNull();
    expect(parseAgeBands("61+, 18-30")).toBeNull();
    expect(parseAgeBands("")).toBeNull();
  });
});
