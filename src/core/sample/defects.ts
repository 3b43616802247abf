import { CELL_LEVEL_ROLES, CellValue, DayDate, Role, RuleId, SheetData, a1, columnLetter, day, fold, formatDay } from "./deps";
import { Rng } from "./prng";
import { SHEET_CADRES, SHEET_MEETINGS, SampleLayout, serialOf } from "./layout";
import { PlantedDefect, SampleCadre, SampleMeeting } from "./types";

const isCellLevel = (role: Role): boolean => CELL_LEVEL_ROLES.includes(role);

/** Plants one rule's defects through the planter's helpers, recording each under `rule`. */
type Plant = (p: Planter, rule: RuleId) => void;

const notSecretary = (c: SampleCadre) => c.role !== "Bí thư chi bộ";
const fullBirth = (c: SampleCadre) => c.birth.kind === "day";

/**
 * The rules the sample plants into the cadres' sheet and the meetings' sheet, and how: together with the sheet
 * defects (sheetDefects.ts) they are the sample's declaration of the rules it shows (PLANTED_RULES), and its test
 * asks two defects of each. The cadres' table is planted first, then the meetings', each in the order written:
 * every defect draws from one random sequence, so adding or moving an entry gives another workbook (and another
 * sampleFingerprint, so cached copies are made anew), and the cadence defects come first so they get party cells
 * no other defect has touched.
 */
const CADRE_DEFECTS: Partial<Record<RuleId, Plant>> = {
  "required": (p, rule) => {
    p.cadre(rule, "name", notSecretary, () => "", "Họ và tên bỏ trống");
    p.cadre(rule, "name", (c) => c.role === "Đảng ủy viên", () => "", "Họ và tên bỏ trống");
  },
  "type/date": (p, rule) => {
    p.cadre(rule, "birth", fullBirth, (c) => `30/02/${c.birth.y}`, "Ngày sinh 30/02 không có thật");
    p.cadre(rule, "joined", () => true, () => "#N/A", "Ngày vào Đảng là lỗi #N/A");
  },
  "enum": (p, rule) => {
    p.cadre(rule, "education", () => true, () => "Trung học cơ sở", "Trình độ chuyên môn ngoài danh mục");
    p.cadre(rule, "theory", () => true, () => "Đang học cao cấp", "Lý luận chính trị ngoài danh mục");
  },
  "text/spaces": (p, rule) => {
    p.cadre(rule, "name", () => true, (c) => c.name.replace(" ", "  "), "Hai khoảng trắng liền nhau trong họ tên");
    p.cadre(rule, "name", () => true, (c) => ` ${c.name} `, "Khoảng trắng ở đầu và cuối họ tên");
  },
  "text/legacy-encoding": (p, rule) => {
    p.cadre(rule, "name", (c) => c.gender === "Nam" && !p.nameTaken("Hoàng Văn Nam", c.birth.y), () => "Hoµng V¨n Nam", "Họ tên gõ bằng phông TCVN3 (.VnTime): Hoàng Văn Nam");
    p.cadre(rule, "name", (c) => c.gender === "Nữ" && !p.nameTaken("Trần Thị Lan", c.birth.y), () => "TrÇn ThÞ Lan", "Họ tên gõ bằng phông TCVN3 (.VnTime): Trần Thị Lan");
  },
  "text/unicode-form": (p, rule) => {
    p.cadre(rule, "name", (c) => c.name.normalize("NFD") !== c.name, (c) => c.name.normalize("NFD"), "Họ tên ở dạng Unicode tổ hợp (NFD)");
    p.cadre(rule, "religion", (c) => c.religion.normalize("NFD") !== c.religion, (c) => c.religion.normalize("NFD"), "Tôn giáo ở dạng Unicode tổ hợp (NFD)");
  },
  "cadre/age": (p, rule) => {
    const y = p.year;
    // Older, never younger: an earlier birth keeps the joining age at 18 or more.
    for (const age of [87, 83]) {
      p.cadre(rule, "birth", (c) => fullBirth(c) && !p.nameTaken(c.name, y - age), (c) => p.dateCell(day(y - age, 5, 12), c.textDates), `Tuổi ${age} vào cuối năm ${y}, quá 80`);
    }
  },
  "cadre/joined": (p, rule) => {
    p.cadre(rule, "joined", fullBirth, (c) => {
      const b = c.birth as DayDate;
      return p.dateCell(day(b.y + 16, b.m, Math.min(b.d, 28)), c.textDates);
    }, "Vào Đảng khi mới 16 tuổi");
    p.cadre(rule, "joined", () => true, (c) => p.dateCell(day(p.year + 1, 2, 3), c.textDates), `Ngày vào Đảng sau khi kỳ báo cáo (năm ${p.year}) kết thúc`);
  },
  "cadre/duplicate": (p, rule) => {
    p.duplicatePeople(rule);
    p.duplicateCards(rule);
  },
  "cell/secretary-count": (p, rule) => p.secretaryCounts(rule),
  "xref/cell": (p, rule) => {
    for (let k = 0; k < 2; k++) p.cadre(rule, "cell", (c) => c.role === "Chi ủy viên", (c) => misspell(c.cell), "Tên chi bộ gõ sai, không có trong trang Chi bộ");
  },
};

const MEETING_DEFECTS: Partial<Record<RuleId, Plant>> = {
  "cell/monthly": (p, rule) => p.missedMonths(rule),
  "cell/quarterly-thematic": (p, rule) => p.missedQuarters(rule),
  "meeting/future": (p, rule) => {
    for (let k = 0; k < 2; k++) {
      const mr = p.spare();
      const future = day(p.year + 2, 3 + k, 15);
      p.setMeeting(rule, mr, "date", p.dateCell(future, mr.meeting.textDate), `Ngày sinh hoạt ${formatDay(future)} chưa tới`);
    }
  },
  "meeting/duplicate": (p, rule) => p.duplicateMeetings(rule),
  "required": (p, rule) => p.setMeeting(rule, p.spare(), "kind", "", "Loại sinh hoạt bỏ trống"),
  "type/date": (p, rule) => p.setMeeting(rule, p.spare(), "date", `31/04/${p.year}`, "Ngày 31/04 không có thật"),
  "xref/cell": (p, rule) => {
    const mr = p.spare();
    p.setMeeting(rule, mr, "cell", misspell(mr.meeting.cell), "Tên chi bộ gõ sai, không có trong trang Chi bộ");
  },
  "type/integer": (p, rule) => {
    p.meeting(rule, "minutes", () => true, () => "#REF!", "Thời lượng là lỗi #REF!");
    p.meeting(rule, "minutes", () => true, () => "hai tiếng", "Thời lượng ghi bằng chữ");
  },
  "type/number": (p, rule) => {
    p.meeting(rule, "score", () => true, () => "#DIV/0!", "Điểm là lỗi #DIV/0!");
    p.meeting(rule, "score", () => true, () => "chín mươi lăm", "Điểm ghi bằng chữ");
  },
  "enum": (p, rule) => {
    p.meeting(rule, "mode", () => true, () => "Qua Zalo", "Hình thức ngoài danh mục");
    p.meeting(rule, "rating", () => true, () => "Xuất sắc", "Xếp loại ngoài danh mục");
  },
  "text/spaces": (p, rule) => {
    p.meeting(rule, "topic", (m) => m.kind === "Chuyên đề" && m.topic !== "", (m) => `${m.topic} `, "Khoảng trắng ở cuối chủ đề");
    p.meeting(rule, "topic", (m) => m.kind === "Chuyên đề" && m.topic !== "", (m) => m.topic.replace(" ", "  "), "Hai khoảng trắng liền nhau trong chủ đề");
  },
  "meeting/attendance-sum": (p, rule) => {
    for (let k = 0; k < 2; k++) p.meeting(rule, "excused", () => true, (m) => m.excused + 1, "Số vắng có lý do ghi thừa 1, tổng không khớp");
  },
  "meeting/present-gt-total": (p, rule) => {
    for (let k = 0; k < 2; k++) {
      const mr = p.meeting(rule, "present", () => true, (m) => m.total + 1, "Số có mặt lớn hơn tổng số đảng viên");
      // More present than members cannot add up either: the same cell also breaks the sum.
      p.record("meeting/attendance-sum", p.meetings, mr.row, p.layout.meetingCols.present, "Hệ quả của số có mặt lớn hơn tổng số");
    }
  },
  "meeting/duration": (p, rule) => {
    p.meeting(rule, "minutes", (m) => m.kind === "Thường kỳ", () => 60, "Sinh hoạt thường kỳ chỉ 60 phút");
    p.meeting(rule, "minutes", (m) => m.kind === "Thường kỳ kết hợp chuyên đề", () => 100, "Kết hợp chuyên đề mà chỉ 100 phút (cần 120)");
  },
  "meeting/topic-missing": (p, rule) => {
    for (let k = 0; k < 2; k++) p.meeting(rule, "topic", (m) => m.kind === "Chuyên đề", () => "", "Sinh hoạt chuyên đề không ghi chủ đề");
  },
  "meeting/rating-score": (p, rule) => {
    p.meeting(rule, "rating", (m) => m.score >= 90, () => "Trung bình", "Điểm từ 90 trở lên mà xếp loại Trung bình");
    p.meeting(rule, "rating", (m) => m.score < 70, () => "Tốt", "Điểm dưới 70 mà xếp loại Tốt");
  },
  "meeting/quality": (p, rule) => {
    for (let k = 0; k < 2; k++) {
      const mr = p.meeting(rule, "unexcused", (m) => m.unexcused === 0 && m.present >= 3, (m) => m.unexcused + 1, "Một đảng viên vắng không lý do");
      p.set(p.meetings, mr.row, p.layout.meetingCols.present, mr.meeting.present - 1);
    }
  },
};

/** The rules planted into the cadres' and meetings' sheets: the keys of the two tables above. */
export const CELL_DEFECT_RULES: readonly RuleId[] = [...new Set([...Object.keys(CADRE_DEFECTS), ...Object.keys(MEETING_DEFECTS)] as RuleId[])];

/**
 * Plants known errors into a laid-out sample. Each defect edits only its own
 * cells, and is placed where it cannot set off a different rule elsewhere:
 * anything that moves, renames or unreads a meeting is done to a spare
 * thematic meeting, so no cell loses its monthly or quarterly meeting by
 * accident; cadence defects get a party cell of their own.
 */
export function plantDefects(layout: SampleLayout, rng: Rng, year: number): PlantedDefect[] {
  const planter = new Planter(layout, rng, year);
  for (const table of [CADRE_DEFECTS, MEETING_DEFECTS]) {
    for (const [rule, plant] of Object.entries(table) as Array<[RuleId, Plant]>) plant(planter, rule);
  }
  return planter.defects.sort((a, b) => (a.sheet < b.sheet ? -1 : a.sheet > b.sheet ? 1 : a.row - b.row));
}

type MeetingRow = { meeting: SampleMeeting; row: number };
type CadreRow = { cadre: SampleCadre; row: number };

const cellKey = (commune: string, cell: string) => `${commune}|${cell}`;

/** The planters' shared state (rows already used, cells reserved) and helpers; the tables above say what to plant. */
class Planter {
  readonly defects: PlantedDefect[] = [];
  readonly cadres: SheetData;
  readonly meetings: SheetData;
  private usedRows = new Set<string>();
  /** Party cells given to a cadence defect: nothing else touches their meetings. */
  private exclusiveCells = new Set<string>();
  /** Party cells with any meeting defect. */
  private touchedCells = new Set<string>();
  /** Cells whose secretary count was changed. */
  private secretaryCells = new Set<string>();
  private byCell = new Map<string, MeetingRow[]>();

  constructor(readonly layout: SampleLayout, private rng: Rng, readonly year: number) {
    this.cadres = layout.workbook.sheets.find((s) => s.name === SHEET_CADRES)!;
    this.meetings = layout.workbook.sheets.find((s) => s.name === SHEET_MEETINGS)!;
    for (const mr of layout.meetingRows) {
      const k = cellKey(mr.meeting.commune, mr.meeting.cell);
      let list = this.byCell.get(k);
      if (!list) this.byCell.set(k, (list = []));
      list.push(mr);
    }
  }

  // ---- helpers ------------------------------------------------------------

  /** Random probing first (spreads defects across a province), then a scan so a small sample never misses. */
  private find<T extends { row: number }>(list: T[], sheet: string, ok: (x: T) => boolean): T {
    const usable = (x: T) => !this.usedRows.has(`${sheet}!${x.row}`) && ok(x);
    for (let i = 0; i < 200; i++) {
      const x = list[this.rng.int(0, list.length - 1)];
      if (usable(x)) return this.claim(sheet, x);
    }
    for (const x of list) if (usable(x)) return this.claim(sheet, x);
    throw new Error(`sample: no row left on ${sheet} for a planted defect`);
  }

  private claim<T extends { row: number }>(sheet: string, x: T): T {
    this.usedRows.add(`${sheet}!${x.row}`);
    return x;
  }

  set(sheet: SheetData, row: number, col: number, value: CellValue): void {
    sheet.values[row - sheet.originRow][col - sheet.originCol] = value;
  }

  private get(sheet: SheetData, row: number, col: number): CellValue {
    return sheet.values[row - sheet.originRow][col - sheet.originCol];
  }

  record(rule: RuleId, sheet: SheetData, row: number, col: number, note: string): void {
    this.defects.push({ rule, sheet: sheet.name, row, column: columnLetter(col), address: a1(row, col), note });
  }

  /** A cadre row for which `ok` holds, with `field` set to `value`. */
  cadre(rule: RuleId, field: keyof SampleLayout["cadreCols"], ok: (c: SampleCadre) => boolean, value: (c: SampleCadre) => CellValue, note: string): CadreRow {
    const col = this.layout.cadreCols[field];
    const cr = this.find(this.layout.cadreRows, SHEET_CADRES, (x) => ok(x.cadre));
    const before = this.get(this.cadres, cr.row, col);
    this.set(this.cadres, cr.row, col, value(cr.cadre));
    this.record(rule, this.cadres, cr.row, col, `${note} (trước: ${JSON.stringify(before)})`);
    return cr;
  }

  /** A meeting defect that leaves the cell's cadence alone: any cell not reserved by a cadence defect. */
  meeting(rule: RuleId, field: keyof SampleLayout["meetingCols"], ok: (m: SampleMeeting) => boolean, value: (m: SampleMeeting) => CellValue, note: string): MeetingRow {
    const col = this.layout.meetingCols[field];
    const mr = this.find(this.layout.meetingRows, SHEET_MEETINGS, (x) => !this.exclusiveCells.has(cellKey(x.meeting.commune, x.meeting.cell)) && ok(x.meeting));
    this.touchedCells.add(cellKey(mr.meeting.commune, mr.meeting.cell));
    const before = this.get(this.meetings, mr.row, col);
    this.set(this.meetings, mr.row, col, value(mr.meeting));
    this.record(rule, this.meetings, mr.row, col, `${note} (trước: ${JSON.stringify(before)})`);
    return mr;
  }

  /** Sets one field of a meeting row already chosen, and records the defect there. */
  setMeeting(rule: RuleId, mr: MeetingRow, field: keyof SampleLayout["meetingCols"], value: CellValue, note: string): void {
    const col = this.layout.meetingCols[field];
    this.set(this.meetings, mr.row, col, value);
    this.record(rule, this.meetings, mr.row, col, note);
  }

  /** A meeting row in a party cell nobody else touches. */
  private exclusiveMeeting(ok: (mr: MeetingRow) => boolean): MeetingRow {
    const mr = this.find(this.layout.meetingRows, SHEET_MEETINGS, (x) => {
      const k = cellKey(x.meeting.commune, x.meeting.cell);
      return !this.touchedCells.has(k) && !this.exclusiveCells.has(k) && ok(x);
    });
    const k = cellKey(mr.meeting.commune, mr.meeting.cell);
    this.exclusiveCells.add(k);
    this.touchedCells.add(k);
    return mr;
  }

  /** A spare thematic meeting in a cell of its own: moving, renaming or unreading it breaks no cadence. */
  spare(): MeetingRow {
    return this.exclusiveMeeting((x) => x.meeting.spare);
  }

  dateCell(d: DayDate, asText: boolean): CellValue {
    return asText ? formatDay(d) : serialOf(d);
  }

  nameTaken(name: string, birthYear: number): boolean {
    const key = fold(name);
    return this.layout.cadreRows.some((r) => r.cadre.birth.y === birthYear && fold(r.cadre.name) === key);
  }

  // ---- cadres ---------------------------------------------------------------

  /** Copies an older person's name and birth into a later row of the same commune. */
  duplicatePeople(rule: RuleId): void {
    const rows = this.layout.cadreRows;
    type Row = (typeof rows)[number];
    const canCopy = (earlier: Row, later: Row) =>
      earlier.row < later.row && earlier.cadre.commune === later.cadre.commune &&
      earlier.cadre.birth.kind === "day" && earlier.cadre.birth.y <= later.cadre.birth.y - 1 &&
      // The copy keeps the later row's joining date at 18 or more.
      later.cadre.joined.y - earlier.cadre.birth.y >= 19 &&
      // One person may hold a cell post and a commune post (two rows, no warning): a planted duplicate repeats a post of the same level.
      isCellLevel(earlier.cadre.role) === isCellLevel(later.cadre.role);
    const free = (x: Row) => !this.usedRows.has(`${SHEET_CADRES}!${x.row}`);
    for (let k = 0; k < 2; k++) {
      const later = this.find(rows, SHEET_CADRES, (x) =>
        x.cadre.role !== "Bí thư chi bộ" && x.cadre.birth.kind === "day" && rows.some((e) => free(e) && e !== x && canCopy(e, x)));
      const earlier = this.find(rows, SHEET_CADRES, (x) => canCopy(x, later));
      const cols = this.layout.cadreCols;
      this.set(this.cadres, later.row, cols.name, this.get(this.cadres, earlier.row, cols.name));
      this.set(this.cadres, later.row, cols.birth, this.get(this.cadres, earlier.row, cols.birth));
      this.record(rule, this.cadres, later.row, cols.name, `Trùng họ tên và ngày sinh với dòng ${earlier.row} (${earlier.cadre.name})`);
    }
  }

  duplicateCards(rule: RuleId): void {
    for (let k = 0; k < 2; k++) {
      const rows = this.layout.cadreRows;
      const canLend = (x: (typeof rows)[number], row: number) => x.row < row && x.cadre.cardNo !== "" && !this.usedRows.has(`${SHEET_CADRES}!${x.row}`);
      const later = this.find(rows, SHEET_CADRES, (x) => x.cadre.cardNo !== "" && rows.some((e) => canLend(e, x.row)));
      const earlier = this.find(rows, SHEET_CADRES, (x) => canLend(x, later.row));
      const col = this.layout.cadreCols.cardNo;
      this.set(this.cadres, later.row, col, earlier.cadre.cardNo);
      this.record(rule, this.cadres, later.row, col, `Trùng số thẻ đảng viên ${earlier.cadre.cardNo} với dòng ${earlier.row}`);
    }
  }

  /** One cell gets a second secretary, another loses its only one. */
  secretaryCounts(rule: RuleId): void {
    const col = this.layout.cadreCols.role;
    const fresh = (c: SampleCadre) => !this.secretaryCells.has(cellKey(c.commune, c.cell));
    const deputy = this.find(this.layout.cadreRows, SHEET_CADRES, (x) => x.cadre.role === "Phó Bí thư chi bộ" && fresh(x.cadre));
    this.secretaryCells.add(cellKey(deputy.cadre.commune, deputy.cadre.cell));
    this.set(this.cadres, deputy.row, col, "Bí thư chi bộ");
    this.record(rule, this.cadres, deputy.row, col, `${deputy.cadre.cell} (${deputy.cadre.commune}) có hai bí thư chi bộ`);
    const secretary = this.find(this.layout.cadreRows, SHEET_CADRES, (x) => x.cadre.role === "Bí thư chi bộ" && fresh(x.cadre));
    this.secretaryCells.add(cellKey(secretary.cadre.commune, secretary.cadre.cell));
    this.set(this.cadres, secretary.row, col, "Chi ủy viên");
    this.record(rule, this.cadres, secretary.row, col, `${secretary.cadre.cell} (${secretary.cadre.commune}) không còn bí thư chi bộ`);
  }

  // ---- meetings -------------------------------------------------------------

  /** Two cells each lose a month's regular meeting, moved into the next month. */
  missedMonths(rule: RuleId): void {
    for (let k = 0; k < 2; k++) {
      const mr = this.exclusiveMeeting((x) => x.meeting.kind === "Thường kỳ" && x.meeting.date.m < 12 && !x.meeting.spare);
      const m = mr.meeting;
      const moved = day(this.year, m.date.m + 1, 12);
      this.setMeeting(rule, mr, "date", this.dateCell(moved, m.textDate), `${m.cell} (${m.commune}) không có sinh hoạt thường kỳ tháng ${m.date.m}: buổi họp được ghi sang ${formatDay(moved)}`);
    }
  }

  /** Two cells each lose a quarter's thematic meeting, recorded as a regular one. */
  missedQuarters(rule: RuleId): void {
    for (let k = 0; k < 2; k++) {
      const mr = this.exclusiveMeeting((x) => {
        if (x.meeting.kind !== "Chuyên đề" || x.meeting.spare) return false;
        const all = this.byCell.get(cellKey(x.meeting.commune, x.meeting.cell)) ?? [];
        return all.every((o) => !o.meeting.spare && o.meeting.kind !== "Thường kỳ kết hợp chuyên đề");
      });
      const m = mr.meeting;
      this.setMeeting(rule, mr, "kind", "Thường kỳ", `${m.cell} (${m.commune}) không có sinh hoạt chuyên đề quý ${Math.ceil(m.date.m / 3)}`);
    }
  }

  /** Two spare meetings given the date and kind of an earlier thematic meeting of their cell. */
  duplicateMeetings(rule: RuleId): void {
    for (let k = 0; k < 2; k++) {
      const mr = this.exclusiveMeeting((x) => x.meeting.spare && (this.byCell.get(cellKey(x.meeting.commune, x.meeting.cell)) ?? []).some((o) => o.row < x.row && o.meeting.kind === "Chuyên đề"));
      const first = (this.byCell.get(cellKey(mr.meeting.commune, mr.meeting.cell)) ?? []).find((o) => o.row < mr.row && o.meeting.kind === "Chuyên đề")!;
      this.setMeeting(rule, mr, "date", this.get(this.meetings, first.row, this.layout.meetingCols.date), `Trùng chi bộ, ngày và loại sinh hoạt với dòng ${first.row}`);
    }
  }
}

/** A typo that folding cannot undo: a doubled last letter ("Thôn Đông" -> "Thôn Đôngg"). */
export function misspell(name: string): string {
  const last = name[name.length - 1];
  return /\d/.test(last) ? `${name}A` : name + last;
}
