import { CadreRecord, day, defaultSettings } from "../../src/core/model";
import { summarize, formatPct, formatPctVi, CadreRow } from "../../src/core/summary";
import { cadre, dataset } from "./factories";

/**
 * The seed article "Nâng cao chất lượng cấp ủy viên cơ sở" (Tuyên Quang), as
 * DOMAIN.md quotes it: the summary must print the same shares from cadre rows
 * with exactly those counts, in the mode the article used.
 */
function people(n: number, role: CadreRecord["role"], groups: Array<[number, Partial<CadreRecord>]>, base: Partial<CadreRecord>): CadreRecord[] {
  const rows: CadreRecord[] = [];
  for (let i = 0; i < n; i++) {
    const over: Partial<CadreRecord> = { ...base };
    // Each group takes the first `count` people for its field; fields are independent, so counts overlap freely.
    for (const [count, fields] of groups) if (i < count) Object.assign(over, fields);
    rows.push(cadre({ row: i + 2, role, commune: "Xã Tuyên Quang", ...over }));
  }
  return rows;
}

const settingsFor = (rounding: "round" | "truncate") => ({ ...defaultSettings(day(2026, 1, 1)), rounding });

describe("the published Tuyên Quang table", () => {
  it("3.471 grassroots committee members, truncate mode", () => {
    // Each field is set by independent groups below: group order matters only within a field.
    const base: Partial<CadreRecord> = { gender: "Nam", ethnicity: "Kinh", birth: day(1975, 1, 1), education: "Sơ cấp", theory: "Sơ cấp" };
    const rows: CadreRecord[] = [];
    for (let i = 0; i < 3471; i++) {
      rows.push(cadre({
        row: i + 2, role: "Đảng ủy viên", commune: "Xã Tuyên Quang", ...base,
        gender: i < 961 ? "Nữ" : "Nam",
        ethnicity: i < 1527 ? "Tày" : "Kinh",
        birth: i < 1188 ? day(1990, 6, 1) : day(1975, 1, 1),
        // 303 Trung cấp, then 3,078 Cao đẳng or higher (78 Cao đẳng, 2,900 Đại học, 100 Thạc sĩ), the rest Sơ cấp.
        education: i < 303 ? "Trung cấp" : i < 381 ? "Cao đẳng" : i < 3281 ? "Đại học" : i < 3381 ? "Thạc sĩ" : "Sơ cấp",
        // 710 Cao cấp or Cử nhân (600 + 110), then 2,404 Trung cấp.
        theory: i < 600 ? "Cao cấp" : i < 710 ? "Cử nhân" : i < 3114 ? "Trung cấp" : "Sơ cấp",
      }));
    }
    const s = summarize(dataset({ cadres: rows }), { kind: "year", year: 2025 }, settingsFor("truncate"));
    const t = s.tables.committee.total;
    expect(t.total).toBe(3471);
    const printed = (c: { pct: number | null }) => formatPctVi(c.pct);
    expect([t.women.count, printed(t.women)]).toEqual([961, "27,68%"]);
    expect([t.minority.count, printed(t.minority)]).toEqual([1527, "43,99%"]);
    expect([t.under40.count, printed(t.under40)]).toEqual([1188, "34,22%"]);
    expect([t.education.trungCap.count, printed(t.education.trungCap)]).toEqual([303, "8,72%"]);
    const caoDangUp = t.education.caoDang.count + t.education.daiHocTroLen.count;
    expect([caoDangUp, formatPctVi(formatPct(caoDangUp, t.total, s.rounding))]).toEqual([3078, "88,67%"]);
    expect([t.theory.caoCapCuNhan.count, printed(t.theory.caoCapCuNhan)]).toEqual([710, "20,45%"]);
    expect([t.theory.trungCap.count, printed(t.theory.trungCap)]).toEqual([2404, "69,25%"]);
    // Round mode would print 20,46% here: the mode matters.
    const r = summarize(dataset({ cadres: rows }), { kind: "year", year: 2025 }, settingsFor("round"));
    expect(formatPctVi(r.tables.committee.total.theory.caoCapCuNhan.pct)).toBe("20,46%");
  });

  it("429 grassroots party secretaries, round mode", () => {
    const rows = people(429, "Bí thư chi bộ", [
      [45, { gender: "Nữ" }],
      [137, { ethnicity: "Dao" }],
      [400, { education: "Đại học" }],
    ], { gender: "Nam", ethnicity: "Kinh", education: "Trung cấp", theory: "Sơ cấp" });
    rows.forEach((r, i) => { r.theory = i < 209 ? "Cử nhân" : i < 420 ? "Trung cấp" : "Sơ cấp"; });
    const s = summarize(dataset({ cadres: rows }), { kind: "year", year: 2025 }, settingsFor("round"));
    const t: CadreRow = s.tables.secretaries.total;
    expect(t.total).toBe(429);
    expect(formatPctVi(t.women.pct)).toBe("10,49%");
    expect(formatPctVi(t.minority.pct)).toBe("31,93%");
    expect(formatPctVi(t.education.daiHocTroLen.pct)).toBe("93,24%");
    expect(formatPctVi(t.theory.trungCap.pct)).toBe("49,18%");
    expect(formatPctVi(t.theory.caoCapCuNhan.pct)).toBe("48,72%");
    // Truncating would print 10,48% for the women: the mode matters.
    const tr = summarize(dataset({ cadres: rows }), { kind: "year", year: 2025 }, settingsFor("truncate"));
    expect(formatPctVi(tr.tables.secretaries.total.women.pct)).toBe("10,48%");
  });
});
