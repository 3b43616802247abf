import { CellType, DayDate, Education, Gender, MeetingKind, MeetingMode, Rating, Role, Theory, day, fold } from "./deps";
import { createRng, Rng } from "./prng";
import { ETHNIC_MINORITY_GROUPS, HAMLET_WORDS, TOPICS, personName, placeName } from "./names";
import { SampleCadre, SampleCell, SampleCommune, SampleMeeting, SampleModel, SampleSize } from "./types";

/** Province size: Thanh Hóa has 166 communes and wards and 9,593 cells (DOMAIN.md). */
const PROVINCE_COMMUNES = 166;
const PROVINCE_CELLS_PER_COMMUNE: [number, number] = [45, 71];
const COMMUNE_CELLS: [number, number] = [30, 60];

const TERM = "2025-2030";

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function randomDay(rng: Rng, y: number): DayDate {
  const m = rng.int(1, 12);
  return day(y, m, rng.int(1, daysInMonth(y, m)));
}

/** Keeps names + birth years unique across the whole sample, so a clean sample has no `cadre/duplicate`. */
class PeopleRegistry {
  private seen = new Set<string>();
  private nextCard: number;
  constructor(rng: Rng) {
    this.nextCard = rng.int(100000, 199999);
  }
  name(rng: Rng, gender: Gender, birthYear: number): string {
    for (;;) {
      const n = personName(rng, gender);
      const key = `${fold(n)}|${birthYear}`;
      if (!this.seen.has(key)) {
        this.seen.add(key);
        return n;
      }
    }
  }
  /** Card numbers: province code, then a serial; unique by construction. */
  card(rng: Rng): string {
    this.nextCard += rng.int(1, 9);
    return "38" + String(this.nextCard).padStart(7, "0");
  }
}

interface CadreSpec {
  role: Role;
  minAge: number;
  maxAge: number;
  womenShare: number;
}

function makeCadre(rng: Rng, people: PeopleRegistry, year: number, spec: CadreSpec, cell: string, commune: string, minority: boolean, cellType: CellType): SampleCadre {
  const gender: Gender = rng.chance(spec.womenShare) ? "Nữ" : "Nam";
  const age = rng.int(spec.minAge, spec.maxAge);
  const by = year - age;
  // Born on a day that makes the age at 31/12 exactly `age`: any day of year `by` does.
  const bm = rng.int(1, 12);
  const birth = rng.chance(0.05) ? { kind: "year" as const, y: by } : day(by, bm, rng.int(1, daysInMonth(by, bm)));
  // Joined at 19 or later (so >= 18 whatever the birth day), and before the reporting year ends.
  const jy = rng.int(by + 19, Math.min(year - 1, by + Math.max(19, Math.min(age - 1, 45))));
  const joined = randomDay(rng, jy);
  const educationWeights = spec.role.endsWith("đảng ủy") || spec.role === "Đảng ủy viên" ? [0, 0, 8, 6, 75, 10, 1] : [6, 8, 32, 12, 40, 2, 0];
  const education = rng.weighted<Education>(["Chưa qua đào tạo", "Sơ cấp", "Trung cấp", "Cao đẳng", "Đại học", "Thạc sĩ", "Tiến sĩ"], educationWeights);
  const theoryWeights = spec.role.endsWith("đảng ủy") || spec.role === "Đảng ủy viên" ? [0, 2, 68, 20, 10] : [8, 45, 40, 5, 2];
  const theory = rng.weighted<Theory>(["Chưa qua đào tạo", "Sơ cấp", "Trung cấp", "Cao cấp", "Cử nhân"], theoryWeights);
  const ethnicity = minority && rng.chance(0.7) ? rng.pick(ETHNIC_MINORITY_GROUPS) : "Kinh";
  const religion = rng.weighted(["Không", "Phật giáo", "Công giáo"], [90, 7, 3]);
  const villageCell = cellType === "Thôn" || cellType === "Bản" || cellType === "Tổ dân phố";
  const trained = rng.chance(0.75) ? (rng.chance(0.3) ? randomDay(rng, rng.int(year - 3, year)) : true) : false;
  return {
    name: people.name(rng, gender, by),
    gender,
    birth,
    ethnicity,
    religion,
    role: spec.role,
    cell,
    commune,
    education,
    theory,
    joined,
    villageHead: spec.role === "Bí thư chi bộ" && villageCell && rng.chance(0.45),
    trained,
    eHandbook: rng.chance(0.8),
    term: TERM,
    cardNo: rng.chance(0.92) ? people.card(rng) : "",
    textDates: rng.chance(0.25),
  };
}

function cellNames(rng: Rng, isWard: boolean, count: number, minority: boolean): Array<{ name: string; type: CellType }> {
  const out: Array<{ name: string; type: CellType }> = [];
  const used = new Set<string>();
  const add = (name: string, type: CellType) => {
    if (used.has(name)) return false;
    used.add(name);
    out.push({ name, type });
    return true;
  };
  // Institutional cells first, as the lists in real communes start with them.
  add("Chi bộ Cơ quan Đảng - Đoàn thể", "Cơ quan");
  add(isWard ? "Chi bộ Cơ quan Ủy ban nhân dân phường" : "Chi bộ Cơ quan Ủy ban nhân dân xã", "Cơ quan");
  add("Chi bộ Quân sự", "Lực lượng vũ trang");
  add("Chi bộ Công an", "Lực lượng vũ trang");
  add("Chi bộ Trường Mầm non", "Đơn vị sự nghiệp");
  add("Chi bộ Trường Tiểu học", "Đơn vị sự nghiệp");
  add("Chi bộ Trường Trung học cơ sở", "Đơn vị sự nghiệp");
  add("Chi bộ Trạm Y tế", "Đơn vị sự nghiệp");
  if (rng.chance(0.5)) add(`Chi bộ Công ty TNHH ${placeName(rng)}`, "Doanh nghiệp");
  const villageType: CellType = isWard ? "Tổ dân phố" : minority && rng.chance(0.6) ? "Bản" : "Thôn";
  let numbered = 1;
  while (out.length < count) {
    if (villageType === "Tổ dân phố" || rng.chance(0.4)) {
      add(`Chi bộ ${villageType} ${numbered++}`, villageType);
    } else if (!add(`Chi bộ ${villageType} ${rng.pick(HAMLET_WORDS)}`, villageType)) {
      add(`Chi bộ ${villageType} ${placeName(rng)}`, villageType);
    }
  }
  return out;
}

function membersFor(rng: Rng, type: CellType): number {
  switch (type) {
    case "Thôn": case "Bản": case "Tổ dân phố": return rng.int(12, 75);
    case "Cơ quan": return rng.int(10, 30);
    case "Lực lượng vũ trang": return rng.int(5, 15);
    case "Đơn vị sự nghiệp": return rng.int(5, 25);
    default: return rng.int(3, 12);
  }
}

function ratingFor(rng: Rng): { rating: Rating; score: number } {
  const rating = rng.weighted<Rating>(["Tốt", "Khá", "Trung bình", "Kém"], [55, 38, 6, 1]);
  const score = rating === "Tốt" ? rng.int(90, 100) : rating === "Khá" ? rng.int(70, 89) : rating === "Trung bình" ? rng.int(50, 69) : rng.int(30, 49);
  return { rating, score };
}

function makeMeeting(rng: Rng, cell: SampleCell, date: DayDate, kind: MeetingKind, upperNames: string[], spare: boolean): SampleMeeting {
  const total = cell.members;
  const exempt = total >= 15 ? rng.weighted([0, 1, 2, 3], [40, 30, 20, 10]) : rng.weighted([0, 1], [85, 15]);
  const eligible = total - exempt;
  // Most meetings are well attended; about one in twenty has someone absent without reason.
  const unexcused = rng.chance(0.05) ? 1 : 0;
  const excused = Math.max(0, Math.min(eligible - unexcused - 2, rng.weighted([0, 1, 2, 3, 4], [35, 30, 18, 10, 7])));
  const present = eligible - excused - unexcused;
  const { rating, score } = ratingFor(rng);
  const minutes = kind === "Thường kỳ kết hợp chuyên đề" ? rng.pick([120, 135, 150, 180]) : rng.pick([90, 90, 100, 105, 120, 120, 150]);
  const mode = rng.weighted<MeetingMode>(["Trực tiếp", "Trực tuyến", "Kết hợp"], [88, 4, 8]);
  const thematic = kind !== "Thường kỳ";
  return {
    cell: cell.name,
    commune: cell.commune,
    date,
    kind,
    mode,
    minutes,
    total,
    exempt,
    present,
    excused,
    unexcused,
    upperAttended: rng.chance(thematic ? 0.5 : 0.2) ? `Đ/c ${rng.pick(upperNames)}` : "",
    topic: thematic ? rng.pick(TOPICS) : "",
    score,
    rating,
    minutesKept: rng.chance(0.97),
    fiveSteps: rng.chance(0.85),
    handbookPosted: rng.chance(0.7),
    textDate: rng.chance(0.25),
    spare,
  };
}

/**
 * A year of meetings: one regular meeting every month (early in the month) and
 * one thematic meeting every quarter (mid-month). Some cells combine the two
 * in a quarter ("Thường kỳ kết hợp chuyên đề"); some hold a spare thematic
 * meeting, as active cells do.
 */
function yearOfMeetings(rng: Rng, cell: SampleCell, year: number, index: number, upperNames: string[]): SampleMeeting[] {
  const meetings: SampleMeeting[] = [];
  const combinedQuarters = new Set<number>();
  if (index % 7 === 3) {
    combinedQuarters.add(rng.int(1, 2));
    combinedQuarters.add(rng.int(3, 4));
  }
  const spareQuarter = index % 3 === 1 ? rng.int(1, 4) : 0;
  for (let q = 1; q <= 4; q++) {
    const thematicMonth = (q - 1) * 3 + rng.int(1, 3);
    for (let m = (q - 1) * 3 + 1; m <= q * 3; m++) {
      const regularDay = rng.int(2, 10);
      if (m === thematicMonth && combinedQuarters.has(q)) {
        meetings.push(makeMeeting(rng, cell, day(year, m, regularDay), "Thường kỳ kết hợp chuyên đề", upperNames, false));
        continue;
      }
      meetings.push(makeMeeting(rng, cell, day(year, m, regularDay), "Thường kỳ", upperNames, false));
      if (m === thematicMonth) meetings.push(makeMeeting(rng, cell, day(year, m, rng.int(14, 20)), "Chuyên đề", upperNames, false));
    }
    if (q === spareQuarter) {
      // In a month of the quarter, late, so it never shares a date with the others.
      const m = (q - 1) * 3 + rng.int(1, 3);
      meetings.push(makeMeeting(rng, cell, day(year, m, rng.int(22, 28)), "Chuyên đề", upperNames, true));
    }
  }
  meetings.sort((a, b) => a.date.m - b.date.m || a.date.d - b.date.d);
  return meetings;
}

const COMMITTEE_SPECS: Array<{ role: Role; count: [number, number] }> = [
  { role: "Bí thư đảng ủy", count: [1, 1] },
  { role: "Phó Bí thư đảng ủy", count: [1, 2] },
  { role: "Ủy viên BTV đảng ủy", count: [3, 5] },
  { role: "Đảng ủy viên", count: [8, 11] },
];

function makeCommune(rng: Rng, people: PeopleRegistry, year: number, name: string, code: string, isWard: boolean, cellCount: number): SampleCommune {
  const minority = !isWard && rng.chance(0.3);
  const commune: SampleCommune = { name, code, cells: [], committee: [] };
  for (const [i, c] of cellNames(rng, isWard, cellCount, minority).entries()) {
    commune.cells.push({ name: c.name, code: `${code}.${String(i + 1).padStart(2, "0")}`, commune: name, type: c.type, members: membersFor(rng, c.type), cadres: [], meetings: [] });
  }
  // Committee members hold their party life in one of the commune's cells.
  for (const spec of COMMITTEE_SPECS) {
    const n = rng.int(spec.count[0], spec.count[1]);
    for (let k = 0; k < n; k++) {
      const cell = commune.cells[rng.int(0, Math.min(3, commune.cells.length - 1))];
      commune.committee.push(makeCadre(rng, people, year, { role: spec.role, minAge: 30, maxAge: 59, womenShare: 0.25 }, cell.name, name, minority, cell.type));
    }
  }
  const upperNames = commune.committee.map((c) => c.name);
  for (const [i, cell] of commune.cells.entries()) {
    cell.cadres.push(makeCadre(rng, people, year, { role: "Bí thư chi bộ", minAge: 28, maxAge: 66, womenShare: 0.18 }, cell.name, name, minority, cell.type));
    if (rng.chance(0.9)) cell.cadres.push(makeCadre(rng, people, year, { role: "Phó Bí thư chi bộ", minAge: 25, maxAge: 64, womenShare: 0.3 }, cell.name, name, minority, cell.type));
    const members = rng.weighted([0, 1, 2], [35, 45, 20]);
    for (let k = 0; k < members; k++) cell.cadres.push(makeCadre(rng, people, year, { role: "Chi ủy viên", minAge: 22, maxAge: 66, womenShare: 0.35 }, cell.name, name, minority, cell.type));
    cell.meetings = yearOfMeetings(rng, cell, year, i, upperNames);
  }
  return commune;
}

export function generateModel(size: SampleSize, seed: number, year: number): SampleModel {
  const rng = createRng(seed);
  const people = new PeopleRegistry(rng);
  const province = "Thanh Hà";
  const communes: SampleCommune[] = [];
  const count = size === "province" ? PROVINCE_COMMUNES : 1;
  const usedNames = new Set<string>();
  for (let i = 0; i < count; i++) {
    const isWard = size === "province" ? i % 5 === 4 : false;
    let place = placeName(rng);
    while (usedNames.has(place)) place = placeName(rng);
    usedNames.add(place);
    const name = `${isWard ? "Phường" : "Xã"} ${place}`;
    const [lo, hi] = size === "province" ? PROVINCE_CELLS_PER_COMMUNE : COMMUNE_CELLS;
    communes.push(makeCommune(rng, people, year, name, String(16000 + i * 3), isWard, rng.int(lo, hi)));
  }
  return { province, year, communes };
}
