import {
  CadreRecord, COMMITTEE_ROLES, Dataset, EDUCATION, MEETING_KINDS, MeetingRecord, Period, RATINGS, ROLES, THEORY,
  RoundingMode, day, defaultSettings,
} from "../model";
import { summarize, isNoData, CountPct, Comparand } from ".";
import { cadre, cell, commune, dataset, meeting, rng } from "../../../test/factories/records";
import { counted, n, plain, ratio, rowFigures, sideOf, totalFigures } from "../../../test/factories/summary";

/**
 * Every metric of the summary against a plain re-count written here, on
 * generated data, for a quarter and a year, in both rounding modes. The
 * re-count filters the rows for each commune and counts them one question at
 * a time, with no shared code.
 */
const COMMUNES = ["Xã Yên Lạc", "Phường Đông Sơn", "Xã Mường Lát", "Xã Trống"]; // the last one sends nothing

function generate(seed: number): Dataset {
  const r = rng(seed);
  const maybe = <T>(v: T, pNull = 0.05): T | null => (r.next() < pNull ? null : v);
  const ds = dataset({ communes: COMMUNES.map((c, i) => commune({ commune: c, row: i + 2 })) });
  let row = 2;
  for (const commune of COMMUNES.slice(0, 3)) {
    const cells = Array.from({ length: 4 + Math.floor(r.next() * 4) }, (_, i) => `Chi bộ thôn ${i + 1}`);
    // One cell only in CELLS (never meets), the rest met at least once.
    cells.forEach((c) => ds.cells.push(cell({ cell: c, commune, row: row++ })));
    for (let i = 0; i < 40; i++) {
      const role = r.pick(ROLES.values);
      ds.cadres.push(cadre({
        row: row++, role: maybe(role, 0.03), commune: r.next() < 0.03 ? null : commune, cell: r.pick(cells),
        gender: maybe(r.pick(["Nam", "Nữ"] as const)), ethnicity: maybe(r.pick(["Kinh", "Tày", "Thái", "kinh"])),
        birth: r.next() < 0.05 ? null : r.next() < 0.3 ? { kind: "year", y: 1950 + Math.floor(r.next() * 58) } : day(1950 + Math.floor(r.next() * 58), 1 + Math.floor(r.next() * 12), 1 + Math.floor(r.next() * 28)),
        education: maybe(r.pick(EDUCATION.values)), theory: maybe(r.pick(THEORY.values)),
        villageHead: maybe(r.next() < 0.4), trained: maybe(r.next() < 0.6), eHandbook: maybe(r.next() < 0.7),
      }));
    }
    for (const cell of cells.slice(1)) {
      for (const y of [2025, 2026]) {
        for (let m = 1; m <= 12; m++) {
          // Most months have a regular meeting; some also a thematic one; some none at all.
          const n = r.next() < 0.1 ? 0 : r.next() < 0.7 ? 1 : 2;
          for (let k = 0; k < n; k++) {
            const total = 5 + Math.floor(r.next() * 30);
            const exempt = Math.floor(r.next() * 3);
            const unexcused = r.next() < 0.2 ? 1 : 0;
            const present = Math.max(0, total - exempt - unexcused - Math.floor(r.next() * 4));
            ds.meetings.push(meeting({
              row: row++, cell: r.next() < 0.02 ? null : cell, commune: r.next() < 0.3 ? null : commune,
              date: r.next() < 0.02 ? null : day(y, m, 1 + Math.floor(r.next() * 28)),
              kind: maybe(r.pick(MEETING_KINDS.values), 0.03),
              mode: r.pick(["Trực tiếp", "Trực tuyến", "Kết hợp"] as const),
              total: maybe(total, 0.03), exempt: maybe(exempt), present: maybe(present, 0.03), excused: total - exempt - unexcused - present,
              unexcused: maybe(unexcused),
              upperAttended: maybe(r.next() < 0.3), fiveSteps: maybe(r.next() < 0.8), handbookPosted: maybe(r.next() < 0.5),
              rating: maybe(r.pick(RATINGS.values), 0.1),
            }));
          }
        }
      }
    }
  }
  return ds;
}

// ---- the re-count ----

function share(count: number, den: number, mode: RoundingMode): CountPct {
  if (den === 0) return { count, pct: null };
  const exact = (BigInt(count) * 10000n * 2n) / BigInt(den); // twice the hundredths, truncated
  const hundredths = mode === "truncate" ? exact / 2n : (exact + 1n) / 2n;
  return { count, pct: Number(hundredths) / 100 };
}

function endOf(p: Period) {
  return p.kind === "year" ? day(p.year, 12, 31) : day(p.year, p.quarter * 3, [31, 30, 30, 31][p.quarter - 1]);
}

function age(c: CadreRecord, p: Period): number | null {
  if (!c.birth) return null;
  const end = endOf(p);
  if (c.birth.kind === "year") return end.y - c.birth.y;
  const before = end.m < c.birth.m || (end.m === c.birth.m && end.d < c.birth.d);
  return end.y - c.birth.y - (before ? 1 : 0);
}

function recountCadres(rows: CadreRecord[], p: Period, mode: RoundingMode): Record<string, Comparand> {
  const c = (pred: (x: CadreRecord) => boolean) => share(rows.filter(pred).length, rows.length, mode);
  const ages = (min: number, max: number) => c((x) => { const a = age(x, p); return a !== null && a >= min && a <= max; });
  return {
    total: n(rows.length),
    women: c((x) => x.gender === "Nữ"),
    minority: c((x) => x.ethnicity !== null && x.ethnicity.toLowerCase() !== "kinh"),
    under40: c((x) => { const a = age(x, p); return a !== null && a < 40; }),
    "age.18-30": ages(18, 30), "age.31-40": ages(31, 40), "age.41-50": ages(41, 50), "age.51-60": ages(51, 60), "age.over60": ages(61, 1000),
    "education.trungCap": c((x) => x.education === "Trung cấp"),
    "education.caoDang": c((x) => x.education === "Cao đẳng"),
    "education.caoDangTroLen": c((x) => ["Cao đẳng", "Đại học", "Thạc sĩ", "Tiến sĩ"].includes(x.education ?? "")),
    "education.daiHocTroLen": c((x) => ["Đại học", "Thạc sĩ", "Tiến sĩ"].includes(x.education ?? "")),
    "theory.soCap": c((x) => x.theory === "Sơ cấp"),
    "theory.trungCap": c((x) => x.theory === "Trung cấp"),
    "theory.caoCapCuNhan": c((x) => x.theory === "Cao cấp" || x.theory === "Cử nhân"),
    villageHead: c((x) => x.villageHead === true),
    trained: c((x) => x.trained === true),
    eHandbook: c((x) => x.eHandbook === true),
  };
}

function inP(m: MeetingRecord, p: Period) {
  return m.date !== null && m.date.y === p.year && (p.kind === "year" || Math.floor((m.date.m - 1) / 3) + 1 === p.quarter);
}

function recountMeetings(ds: Dataset, commune: string, p: Period, mode: RoundingMode): Record<string, Comparand> {
  const communeOf = (m: MeetingRecord) => m.commune ?? ds.cells.find((c) => c.cell === m.cell)?.commune ?? null;
  // Cell names repeat across communes in this data, so CELLS cannot place a meeting with no commune: those are left out.
  const uniqueCell = (m: MeetingRecord) => m.commune !== null || ds.cells.filter((c) => c.cell === m.cell).length === 1;
  const all = ds.meetings.filter((m) => m.date !== null && uniqueCell(m) && communeOf(m) === commune);
  const ms = all.filter((m) => inP(m, p));
  const cells = new Set([...ds.cells.filter((c) => c.commune === commune).map((c) => c.cell), ...all.map((m) => m.cell).filter((c) => c !== null)]);
  // A cell must have met in the months (and quarters) that are over on "today", 15/01/2027: all of 2026 is.
  const over = (mo: number) => p.year < 2027 && mo <= 12;
  const months = (p.kind === "year" ? [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] : [1, 2, 3].map((i) => (p.quarter - 1) * 3 + i)).filter(over);
  const quarters = (p.kind === "year" ? [1, 2, 3, 4] : [p.quarter]).filter((q) => over(q * 3));
  const regular = (m: MeetingRecord) => m.kind === "Thường kỳ" || m.kind === "Thường kỳ kết hợp chuyên đề";
  const thematic = (m: MeetingRecord) => m.kind === "Chuyên đề" || m.kind === "Thường kỳ kết hợp chuyên đề";
  const allMonthly = [...cells].filter((cell) => months.every((mo) => ms.some((m) => m.cell === cell && m.date!.m === mo && regular(m)))).length;
  const everyQ = [...cells].filter((cell) => quarters.every((q) => ms.some((m) => m.cell === cell && Math.ceil(m.date!.m / 3) === q && thematic(m)))).length;
  const readable = ms.filter((m) => m.present !== null && m.total !== null && m.total - (m.exempt ?? 0) > 0);
  const present = readable.reduce((s, m) => s + m.present!, 0);
  const expected = readable.reduce((s, m) => s + m.total! - (m.exempt ?? 0), 0);
  const quality = ms.filter((m) => {
    if (m.present === null || m.total === null) return false;
    const exp = m.total - (m.exempt ?? 0);
    if (exp <= 0) return false;
    // Nobody absent without reason: the column says 0, or everyone came, or "Vắng có lý do" covers every absence.
    const nobodyUnexcused = m.unexcused === null ? m.present >= exp || (m.excused !== null && m.present + m.excused >= exp) : m.unexcused === 0;
    return nobodyUnexcused && m.present / exp > 0.85;
  }).length;
  const c = (pred: (m: MeetingRecord) => boolean) => share(ms.filter(pred).length, ms.length, mode);
  return {
    cells: n(cells.size),
    allMonthly: share(allMonthly, cells.size, mode),
    thematicEveryQuarter: share(everyQ, cells.size, mode),
    meetings: n(ms.length),
    avgAttendancePct: ratio(share(present, expected, mode).pct),
    quality: share(quality, ms.length, mode),
    upperAttended: c((m) => m.upperAttended === true),
    fiveSteps: c((m) => m.fiveSteps === true),
    handbookPosted: c((m) => m.handbookPosted === true),
    online: c((m) => m.mode === "Trực tuyến"),
    "rating.tot": c((m) => m.rating === "Tốt"), "rating.kha": c((m) => m.rating === "Khá"),
    "rating.trungBinh": c((m) => m.rating === "Trung bình"), "rating.kem": c((m) => m.rating === "Kém"),
  };
}

// ---- the comparison ----

const periods: Period[] = [{ kind: "quarter", year: 2026, quarter: 3 }, { kind: "year", year: 2026 }, { kind: "quarter", year: 2026, quarter: 1 }];
const cases = periods.flatMap((p) => (["round", "truncate"] as const).map((mode) => [p, mode] as const));

describe.each(cases)("summary of %j in %s mode", (period, mode) => {
  const ds = generate(period.kind === "year" ? 7 : 11 + (period.kind === "quarter" ? period.quarter : 0));
  // "Today" after the period: every month of it is over (a period not over is tested below).
  const settings = { ...defaultSettings(day(2027, 1, 15)), rounding: mode };
  const s = summarize(ds, period, settings, { compareWithPreviousYear: true });

  it.each([["secretaries", ["Bí thư chi bộ"]], ["committee", COMMITTEE_ROLES]] as const)("table %s matches the re-count", (key, roles) => {
    const table = s.tables[key];
    expect(table.rows.map((r) => r.commune)).toEqual(COMMUNES);
    // A cadre with no commune is placed through CELLS when its cell name belongs to one commune only.
    const communeOf = (c: CadreRecord) => {
      if (c.commune !== null) return c.commune;
      const owners = ds.cells.filter((x) => x.cell === c.cell);
      return owners.length === 1 ? owners[0].commune : null;
    };
    for (const row of table.rows) {
      const mine = ds.cadres.filter((c) => communeOf(c) === row.commune && c.role !== null && (roles as readonly string[]).includes(c.role));
      if (mine.length === 0) { expect(isNoData(row)).toBe(true); continue; }
      expect(row).toEqual({ commune: row.commune, figures: recountCadres(mine, period, mode) });
    }
    const everyone = ds.cadres.filter((c) => communeOf(c) !== null && c.role !== null && (roles as readonly string[]).includes(c.role));
    expect(table.total).toEqual({ commune: "Toàn tỉnh", figures: recountCadres(everyone, period, mode) });
  });

  it("table 3 matches the re-count, with last year's figures", () => {
    const table = s.tables.meetings;
    expect(table.rows.map((r) => r.commune)).toEqual(COMMUNES);
    expect(isNoData(table.rows[3])).toBe(true);
    const prev: Period = { ...period, year: period.year - 1 };
    for (const row of table.rows.slice(0, 3)) {
      if (isNoData(row)) throw new Error(`${row.commune} has data`);
      const f = row.figures;
      expect(plain(f)).toEqual(recountMeetings(ds, row.commune, period, mode));
      expect(sideOf(f, "previousYear")).toEqual(recountMeetings(ds, row.commune, prev, mode));
      expect(f.meetings.change).toBe(counted(f.meetings).count - (f.meetings.previousYear?.count ?? NaN));
      // A share's change is in percentage points, between the percentages as printed.
      const q = counted(f.quality);
      expect(f.quality.change).toBe(q.pct === null || f.quality.previousYear?.pct == null ? null : Math.round(q.pct * 100 - f.quality.previousYear.pct * 100) / 100);
    }
    const totalMeetings = table.rows.reduce((sum, r) => sum + (isNoData(r) ? 0 : counted(r.figures.meetings).count), 0);
    expect(counted(table.total.figures.meetings).count).toBe(totalMeetings);
    expect(s.monthly.reduce((n, m) => n + m.meetings, 0)).toBe(totalMeetings);
  });

  it("says which rows it left out", () => {
    const noRole = ds.cadres.filter((c) => c.role === null).length;
    expect(s.leftOut.find((l) => l.reason === "cadre/no-role")?.count).toBe(noRole);
    const noDate = ds.meetings.filter((m) => m.date === null && (m.commune !== null)).length;
    expect(s.leftOut.find((l) => l.reason === "meeting/no-date")?.count).toBe(noDate);
    for (const l of s.leftOut) expect(l.message.vi).toMatch(/[àáảãạăâđêôơư]/);
  });
});

describe("edge cases", () => {
  const settings = defaultSettings(day(2027, 1, 15));
  it("finds a meeting's commune through CELLS and counts combined meetings as both kinds", () => {
    const ds = dataset({
      cells: [cell({ cell: "Chi bộ Đồng Tâm", commune: "Xã Yên Lạc" })],
      meetings: [7, 8, 9].map((m) => meeting({ cell: "Chi bộ Đồng Tâm", commune: null, date: day(2026, m, 10), kind: "Thường kỳ kết hợp chuyên đề" })),
    });
    const s = summarize(ds, { kind: "quarter", year: 2026, quarter: 3 }, settings);
    const row = rowFigures(s, "meetings", "Xã Yên Lạc");
    expect(row.allMonthly).toEqual({ count: 1, pct: 100 });
    expect(row.thematicEveryQuarter).toEqual({ count: 1, pct: 100 });
  });

  it("treats 85% attendance as not meeting the quality standard, and an unexcused absence as failing it", () => {
    const ds = dataset({
      meetings: [
        // Three days: one cell's same day and kind twice would be one meeting entered twice.
        meeting({ date: day(2026, 7, 5), total: 20, exempt: 0, present: 17, excused: 3, unexcused: 0 }), // 85%: not above
        meeting({ date: day(2026, 8, 5), total: 21, exempt: 1, present: 18, excused: 2, unexcused: 0 }), // 90%
        meeting({ date: day(2026, 9, 5), total: 20, exempt: 0, present: 19, excused: 0, unexcused: 1 }), // 95% but one without reason
      ],
    });
    const s = summarize(ds, { kind: "quarter", year: 2026, quarter: 3 }, settings);
    expect(totalFigures(s, "meetings").quality.count).toBe(1);
    expect(totalFigures(s, "meetings").avgAttendancePct).toEqual(ratio(90));
  });

  it("counts ages at the last day of the period, and a year alone as a difference of years", () => {
    const ds = dataset({
      cadres: [
        cadre({ birth: day(1986, 9, 30) }), // 40 on 30/09/2026: not under 40 in Q3
        cadre({ birth: day(1986, 10, 1) }), // still 39 on 30/09/2026
        cadre({ birth: { kind: "year", y: 1986 } }), // 2026 − 1986 = 40
      ],
    });
    const s = summarize(ds, { kind: "quarter", year: 2026, quarter: 3 }, settings);
    expect(totalFigures(s, "secretaries").under40.count).toBe(1);
  });

  it("merges spellings of one commune", () => {
    const ds = dataset({ cadres: [cadre({ commune: "Xã Yên Lạc" }), cadre({ commune: "Đảng bộ xã Yên Lạc" }), cadre({ commune: "yen lac" })] });
    const s = summarize(ds, { kind: "year", year: 2026 }, settings);
    expect(s.tables.secretaries.rows).toHaveLength(1);
    expect(rowFigures(s, "secretaries", "Xã Yên Lạc").total).toEqual(n(3));
  });
});

describe("identity of cells and communes", () => {
  const settings = defaultSettings(day(2027, 1, 15));
  it("keeps two cells whose names differ only by their marks apart, and one cell written in two tone styles together", () => {
    const base = { commune: "Xã Yên Lạc", date: day(2026, 7, 5), kind: "Thường kỳ" as const };
    const ds = dataset({
      cells: [cell({ cell: "Thôn Đồng", commune: "Xã Yên Lạc", row: 2 }), cell({ cell: "Thôn Đông", commune: "Xã Yên Lạc", row: 3 }), cell({ cell: "Thôn Tân Hòa", commune: "Xã Yên Lạc", row: 4 })],
      meetings: [meeting({ ...base, cell: "Thôn Đồng" }), meeting({ ...base, cell: "Thôn Đông" }), meeting({ ...base, cell: "Thôn Tân Hoà" })],
    });
    const s = summarize(ds, { kind: "quarter", year: 2026, quarter: 3 }, settings);
    expect(totalFigures(s, "meetings").cells).toEqual(n(3));
  });

  it("counts a cell typed without marks in MEETINGS as the one listed cell it matches", () => {
    const base = { commune: "Xã Yên Lạc", kind: "Thường kỳ" as const };
    const ds = dataset({
      cells: [cell({ cell: "Thôn Đồng Tâm", commune: "Xã Yên Lạc", row: 2 })],
      meetings: [
        meeting({ ...base, cell: "Thôn Đồng Tâm", date: day(2026, 7, 5) }),
        meeting({ ...base, cell: "Thon Dong Tam", date: day(2026, 8, 5) }),
        meeting({ ...base, cell: "Thôn Đồng Tâm", date: day(2026, 9, 5) }),
      ],
    });
    const t = totalFigures(summarize(ds, { kind: "quarter", year: 2026, quarter: 3 }, settings), "meetings");
    expect(t.cells).toEqual(n(1));
    expect(t.allMonthly.count).toBe(1);
    expect(t.meetings).toEqual(n(3));
  });

  it("joins a commune typed without marks to the one commune it matches, but not when two communes match", () => {
    const one = summarize(dataset({ cadres: [cadre({ commune: "yen lac" }), cadre({ commune: "Xã Yên Lạc" })] }), { kind: "year", year: 2026 }, settings);
    expect(one.tables.secretaries.rows).toHaveLength(1);
    const two = summarize(dataset({ cadres: [cadre({ commune: "Xã An Hòa" }), cadre({ commune: "Xã An Hóa" }), cadre({ commune: "xa an hoa" })] }), { kind: "year", year: 2026 }, settings);
    expect(two.tables.secretaries.rows).toHaveLength(3);
  });
});
