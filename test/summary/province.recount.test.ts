import { generateSample } from "../../src/core/sample";
import { understand } from "../../src/core/understand";
import { CadreRecord, MeetingRecord, Period, RoundingMode, day, defaultSettings } from "../../src/core/model";
import { summarize, isNoData, Comparand, CountPct, Summary } from "../../src/core/summary";
import { n, plain, ratio, sideOf } from "../factories/summary";

/**
 * An adversarial re-count of tables 1–3 on the province sample (seed 1, with
 * its planted defects), written from DOMAIN.md's words with plain loops and
 * none of the summary's code: its own keys, its own ages, its own shares (in
 * BigInt). Every figure it re-counts, of every commune row and of "Toàn tỉnh",
 * is compared, for a quarter and the year, in both rounding modes, with last
 * year's columns. It re-counts the columns declared when it was written; a
 * column added since is held to recount.test.ts, which compares every figure,
 * so adding a column is its declaration and that one re-count.
 *
 * The definitions this re-count holds the summary to, where DOMAIN.md leaves
 * room (see also the report of the audit):
 * - "Số chi bộ" is the CELLS register of the commune when CELLS lists it: a
 *   meeting whose cell name is not in CELLS (an `xref/cell` error, usually a
 *   typo) is a meeting, not one more cell that missed every month.
 * - Age columns (under 40 and the bands) count only ages the `cadre/age` rule
 *   accepts (18–80 by default): a birth typed as 2015 or 1915 is an error to
 *   fix, not a 10-year-old "under 40" or an "over 60".
 * - A meeting entered twice (same cell, day and kind: `meeting/duplicate`)
 *   is one meeting: the second row counts nowhere.
 * - A commune with no meeting row in a period has no data for it ("chưa có
 *   số liệu"), not 0 meetings: in that period's row, or in "Cùng kỳ năm trước".
 * - Yes/no fields and enums: an unreadable value is "not in the group", and the
 *   denominator stays every counted cadre (or meeting), as the forms print it.
 */

// The data is of 2025; "today" is late 2026 so nothing of 2025 lies in the future.
const { dataset: ds } = understand(generateSample({ size: "province", seed: 1, defects: true }).workbook);

// ---- keys, written from scratch: NFC, lower case, single spaces, no unit words for communes ----

const norm = (s: string) => s.normalize("NFC").toLowerCase().replace(/\s+/g, " ").trim();
const communeOf = (s: string) => norm(s).replace(/^(đảng bộ )?(xã |phường |thị trấn |đặc khu )?/, "");

function share(count: number, den: number, mode: RoundingMode): CountPct {
  if (den === 0) return { count, pct: null };
  const twice = (BigInt(count) * 20000n) / BigInt(den);
  const hundredths = mode === "truncate" ? twice / 2n : (twice + 1n) / 2n;
  return { count, pct: Number(hundredths) / 100 };
}

function endOf(p: Period) {
  const lastMonth = p.kind === "year" ? 12 : p.quarter * 3;
  return day(p.year, lastMonth, [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][lastMonth - 1]);
}

function ageOf(c: CadreRecord, p: Period): number | null {
  if (!c.birth) return null;
  const end = endOf(p);
  if (c.birth.kind === "year") return end.y - c.birth.y;
  let a = end.y - c.birth.y;
  if (end.m < c.birth.m || (end.m === c.birth.m && end.d < c.birth.d)) a -= 1;
  return a;
}

// ---- the communes, in COMMUNES order ----

const communeNames = ds.communes.map((c) => c.commune as string);
const communeKeys = communeNames.map(communeOf);

// ---- tables 1 and 2 ----

type Figures = Record<string, Comparand>;

function recountCadres(rows: CadreRecord[], p: Period, mode: RoundingMode): Figures {
  let women = 0, minority = 0, under40 = 0, tc = 0, cd = 0, dh = 0, cdUp = 0, lsc = 0, ltc = 0, lcc = 0, vh = 0, tr = 0, eh = 0;
  const bands = [0, 0, 0, 0, 0];
  for (const c of rows) {
    if (c.gender === "Nữ") women++;
    if (c.ethnicity !== null && norm(c.ethnicity) !== "kinh") minority++;
    const a = ageOf(c, p);
    if (a !== null && a >= 18 && a <= 80) {
      if (a < 40) under40++;
      if (a <= 30) bands[0]++;
      else if (a <= 40) bands[1]++;
      else if (a <= 50) bands[2]++;
      else if (a <= 60) bands[3]++;
      else bands[4]++;
    }
    if (c.education === "Trung cấp") tc++;
    if (c.education === "Cao đẳng") cd++;
    if (c.education === "Cao đẳng" || c.education === "Đại học" || c.education === "Thạc sĩ" || c.education === "Tiến sĩ") cdUp++;
    if (c.education === "Đại học" || c.education === "Thạc sĩ" || c.education === "Tiến sĩ") dh++;
    if (c.theory === "Sơ cấp") lsc++;
    if (c.theory === "Trung cấp") ltc++;
    if (c.theory === "Cao cấp" || c.theory === "Cử nhân") lcc++;
    if (c.villageHead === true) vh++;
    if (c.trained === true) tr++;
    if (c.eHandbook === true) eh++;
  }
  const s = (k: number) => share(k, rows.length, mode);
  return {
    total: n(rows.length), women: s(women), minority: s(minority), under40: s(under40),
    "age.18-30": s(bands[0]), "age.31-40": s(bands[1]), "age.41-50": s(bands[2]), "age.51-60": s(bands[3]), "age.over60": s(bands[4]),
    "education.trungCap": s(tc), "education.caoDang": s(cd), "education.caoDangTroLen": s(cdUp), "education.daiHocTroLen": s(dh),
    "theory.soCap": s(lsc), "theory.trungCap": s(ltc), "theory.caoCapCuNhan": s(lcc),
    villageHead: s(vh), trained: s(tr), eHandbook: s(eh),
  };
}

const COMMITTEE = ["Bí thư đảng ủy", "Phó Bí thư đảng ủy", "Ủy viên BTV đảng ủy", "Đảng ủy viên"];

const cadreCommune = ds.cadres.map((c) => (c.commune === null ? null : communeOf(c.commune)));

function cadresOf(commune: string | null, roles: string[]): CadreRecord[] {
  const out: CadreRecord[] = [];
  ds.cadres.forEach((c, i) => {
    if (c.role === null || !roles.includes(c.role) || cadreCommune[i] === null) return;
    if (commune === null || cadreCommune[i] === commune) out.push(c);
  });
  return out;
}

// ---- table 3 ----

interface Raw { cells: number; allMonthly: number; everyQuarter: number; meetings: number; present: number; expected: number;
  quality: number; upper: number; five: number; posted: number; online: number; tot: number; kha: number; tb: number; kem: number }

const register = new Map<string, Set<string>>(); // commune -> its cells, from CELLS
for (const c of ds.cells) {
  if (!c.cell || !c.commune) continue;
  const k = communeOf(c.commune);
  if (!register.has(k)) register.set(k, new Set());
  register.get(k)!.add(norm(c.cell));
}

function inPeriod(m: MeetingRecord, p: Period): boolean {
  if (m.date === null || m.date.y !== p.year) return false;
  return p.kind === "year" || Math.floor((m.date.m - 1) / 3) + 1 === p.quarter;
}

// Each meeting's commune key once: the re-count then walks only its commune's meetings.
const meetingsByCommune = new Map<string, MeetingRecord[]>();
for (const m of ds.meetings) {
  if (m.commune === null) continue;
  const k = communeOf(m.commune);
  if (!meetingsByCommune.has(k)) meetingsByCommune.set(k, []);
  meetingsByCommune.get(k)!.push(m);
}

function recountMeetingsRaw(commune: string, p: Period): Raw {
  const r: Raw = { cells: 0, allMonthly: 0, everyQuarter: 0, meetings: 0, present: 0, expected: 0, quality: 0, upper: 0, five: 0, posted: 0, online: 0, tot: 0, kha: 0, tb: 0, kem: 0 };
  const cells = register.get(commune) ?? new Set<string>();
  const months = new Map<string, Set<number>>();
  const quarters = new Map<string, Set<number>>();
  const seen = new Set<string>();
  for (const m of meetingsByCommune.get(commune) ?? []) {
    if (!inPeriod(m, p)) continue;
    // The same cell, day and kind twice is one meeting entered twice (`meeting/duplicate`): counted once.
    if (m.cell !== null && m.kind !== null && cells.has(norm(m.cell))) {
      const key = `${norm(m.cell)}|${m.date!.y}-${m.date!.m}-${m.date!.d}|${m.kind}`;
      if (seen.has(key)) continue;
      seen.add(key);
    }
    r.meetings++;
    if (m.total !== null && m.present !== null) {
      const expected = m.total - (m.exempt ?? 0);
      if (expected > 0) {
        r.present += m.present;
        r.expected += expected;
        const nobodyUnexcused = m.unexcused !== null ? m.unexcused === 0 : m.present >= expected || (m.excused !== null && m.present + m.excused >= expected);
        // Above 85%, in integers: present/expected > 85/100.
        if (nobodyUnexcused && m.present * 100 > 85 * expected) r.quality++;
      }
    }
    if (m.upperAttended === true) r.upper++;
    if (m.fiveSteps === true) r.five++;
    if (m.handbookPosted === true) r.posted++;
    if (m.mode === "Trực tuyến") r.online++;
    if (m.rating === "Tốt") r.tot++;
    if (m.rating === "Khá") r.kha++;
    if (m.rating === "Trung bình") r.tb++;
    if (m.rating === "Kém") r.kem++;
    if (m.cell === null) continue;
    const cell = norm(m.cell);
    if (m.kind === "Thường kỳ" || m.kind === "Thường kỳ kết hợp chuyên đề") {
      if (!months.has(cell)) months.set(cell, new Set());
      months.get(cell)!.add(m.date!.m);
    }
    if (m.kind === "Chuyên đề" || m.kind === "Thường kỳ kết hợp chuyên đề") {
      if (!quarters.has(cell)) quarters.set(cell, new Set());
      quarters.get(cell)!.add(Math.ceil(m.date!.m / 3));
    }
  }
  const needMonths = p.kind === "year" ? 12 : 3;
  const needQuarters = p.kind === "year" ? 4 : 1;
  r.cells = cells.size;
  for (const cell of cells) {
    if ((months.get(cell)?.size ?? 0) === needMonths) r.allMonthly++;
    if ((quarters.get(cell)?.size ?? 0) === needQuarters) r.everyQuarter++;
  }
  return r;
}

function metrics(r: Raw, mode: RoundingMode): Figures {
  const byCell = (k: number) => share(k, r.cells, mode);
  const byMeeting = (k: number) => share(k, r.meetings, mode);
  return {
    cells: n(r.cells), allMonthly: byCell(r.allMonthly), thematicEveryQuarter: byCell(r.everyQuarter), meetings: n(r.meetings),
    avgAttendancePct: ratio(share(r.present, r.expected, mode).pct), quality: byMeeting(r.quality), upperAttended: byMeeting(r.upper),
    fiveSteps: byMeeting(r.five), handbookPosted: byMeeting(r.posted), online: byMeeting(r.online),
    "rating.tot": byMeeting(r.tot), "rating.kha": byMeeting(r.kha), "rating.trungBinh": byMeeting(r.tb), "rating.kem": byMeeting(r.kem),
  };
}

/** Every figure's "Cùng kỳ năm trước" when last year has no row: not recorded, with no change, never zeros. */
function noPreviousYear(figures: Record<string, { previousYear?: Comparand; change?: number | null }>): void {
  for (const f of Object.values(figures)) {
    expect(f.previousYear?.notRecorded?.vi).toBe("Không có số liệu cùng kỳ năm trước");
    expect(f.change).toBeNull();
  }
}

function sumRaw(xs: Raw[]): Raw {
  const out = recountMeetingsRaw("\u0000none", { kind: "year", year: 0 });
  for (const x of xs) for (const k of Object.keys(out) as Array<keyof Raw>) out[k] += x[k];
  return out;
}

// ---- the comparison ----

/** The figures this file re-counts, out of all a row holds: one it re-counts and the summary lacks still fails. */
function recounted<T>(figures: Record<string, T>, recount: Record<string, unknown>): Record<string, T> {
  return Object.fromEntries(Object.keys(recount).map((k) => [k, figures[k]]));
}

const periods: Period[] = [{ kind: "quarter", year: 2025, quarter: 3 }, { kind: "year", year: 2025 }];
const cases = periods.flatMap((p) => (["round", "truncate"] as const).map((mode) => [p, mode] as const));

describe.each(cases)("province sample, %j, %s mode: the summary agrees with a re-count from DOMAIN.md", (period, mode) => {
  let s: Summary;
  beforeAll(() => {
    s = summarize(ds, period, { ...defaultSettings(day(2026, 11, 23)), rounding: mode }, { compareWithPreviousYear: true });
  });

  it.each([["secretaries", ["Bí thư chi bộ"]], ["committee", COMMITTEE]] as const)("table %s, every commune and Toàn tỉnh", (key, roles) => {
    const table = s.tables[key];
    expect(table.rows.map((r) => r.commune)).toEqual(communeNames);
    communeKeys.forEach((k, i) => {
      const mine = cadresOf(k, [...roles]);
      const row = table.rows[i];
      if (mine.length === 0) expect(isNoData(row)).toBe(true);
      else {
        const figures = recountCadres(mine, period, mode);
        expect(isNoData(row) ? row : { ...row, figures: recounted(row.figures, figures) }).toEqual({ commune: communeNames[i], figures });
      }
    });
    const total = recountCadres(cadresOf(null, [...roles]), period, mode);
    expect({ ...table.total, figures: recounted(table.total.figures, total) }).toEqual({ commune: "Toàn tỉnh", figures: total });
  });

  it("table 3, every commune and Toàn tỉnh, with last year's columns", () => {
    const table = s.tables.meetings;
    expect(table.rows.map((r) => r.commune)).toEqual(communeNames);
    const prev: Period = { ...period, year: period.year - 1 };
    const now = communeKeys.map((k) => recountMeetingsRaw(k, period));
    const before = communeKeys.map((k) => recountMeetingsRaw(k, prev));
    communeKeys.forEach((_, i) => {
      const row = table.rows[i];
      if (isNoData(row)) throw new Error(`${communeNames[i]} has cells`);
      expect(row.commune).toBe(communeNames[i]);
      const figures = metrics(now[i], mode);
      expect(recounted(plain(row.figures), figures)).toEqual(figures);
      // The sample holds no meeting of last year: "Cùng kỳ năm trước" is not recorded, not 0 meetings and 0%
      // of cells meeting monthly, which would print a rise of 100 points in "Tăng/giảm".
      if (before[i].meetings === 0) noPreviousYear(row.figures);
      else {
        const previous = metrics(before[i], mode);
        expect(recounted(sideOf(row.figures, "previousYear"), previous)).toEqual(previous);
        expect(row.figures.meetings.change).toBe(now[i].meetings - before[i].meetings);
      }
    });
    // "Toàn tỉnh" adds the counts of the rows and takes the shares of the sums, never an average of shares.
    const total = metrics(sumRaw(now), mode);
    expect(recounted(plain(table.total.figures), total)).toEqual(total);
    const withBefore = before.filter((b) => b.meetings > 0);
    if (withBefore.length === 0) noPreviousYear(table.total.figures);
    else {
      const previous = metrics(sumRaw(withBefore), mode);
      expect(recounted(sideOf(table.total.figures, "previousYear"), previous)).toEqual(previous);
    }
  });
});
