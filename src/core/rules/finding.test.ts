import { fieldFinding, show, showEn, valueOf } from "./finding";
import { meetingFuture } from "./meetingFuture";
import { cadre, meeting, settings } from "../../../test/factories/records";
import { runMeetingRule } from "../../../test/factories/rules";
import { day } from "../model";

describe("valueOf: a date cell's serial carries the day it means", () => {
  it("gives the parsed day beside the serial Excel stores", () => {
    const m = meeting({ date: day(2026, 8, 15), raw: { date: 46249 } });
    expect(valueOf(m, "date")).toEqual({ value: 46249, valueText: "15/08/2026" });
  });

  it("takes the day from the record, so a 1904-based workbook's serial shows its own day", () => {
    // 44787 in the 1904 system is 15/08/2026: the understand step already shifted it by 1,462 days.
    const m = meeting({ date: day(2026, 8, 15), raw: { date: 44787 } });
    expect(valueOf(m, "date").valueText).toBe("15/08/2026");
  });

  it("leaves text dates, years written alone and other fields as they are", () => {
    expect(valueOf(meeting({ date: day(2026, 8, 15) }), "date")).toEqual({ value: "15/08/2026" });
    expect(valueOf(cadre({ birth: { kind: "year", y: 1975 }, raw: { birth: 1975 } }), "birth")).toEqual({ value: 1975 });
    expect(valueOf(meeting({ present: 19 }), "present")).toEqual({ value: 19 });
  });

  it("takes the first mapped field, and null when none is", () => {
    const m = meeting({ cols: { cell: 2 }, raw: { cell: "Chi bộ Thôn 1" } });
    expect(valueOf(m, "date", "cell")).toEqual({ value: "Chi bộ Thôn 1" });
    expect(valueOf(m, "date")).toEqual({ value: null });
  });
});

describe("fieldFinding", () => {
  it("carries the date's text with the finding (meeting/future on a real date cell)", () => {
    const [f] = runMeetingRule(meetingFuture, meeting({ date: day(2026, 11, 24), raw: { date: 46350 } }), settings({ today: day(2026, 11, 23) }));
    expect(f).toMatchObject({ value: 46350, valueText: "24/11/2026" });
  });

  it("sets no valueText where there is nothing to translate", () => {
    const f = fieldFinding("meeting/duration", "warning", meeting({ minutes: 30 }), ["minutes"], { vi: "m", en: "m" });
    expect("valueText" in f).toBe(false);
  });
});

describe("show / showEn: values quoted in messages stay short", () => {
  it("keeps hidden characters for each display to show its own way", () => {
    expect(show("\u200F1966")).toBe('"\u200F1966"');
    expect(showEn("a\u200Bb")).toBe('"a\u200Bb"');
  });

  it("cuts a 30,000-character value in the middle, saying so in the message's language", () => {
    const long = "x".repeat(30_000);
    expect(show(long).length).toBeLessThan(160);
    expect(show(long)).toContain("ký tự");
    expect(showEn(long)).toContain("characters left out");
  });

  it("keeps blanks, numbers and booleans as before", () => {
    expect(show("")).toBe("(trống)");
    expect(showEn(null)).toBe("(blank)");
    expect(show(12)).toBe("12");
    expect(showEn(true)).toBe("TRUE");
  });
});
