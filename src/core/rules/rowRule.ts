import { CadreRecord, MeetingRecord, Text } from "../model";

/* What row rules share: how a message names the meeting or the cadre it is about. */

const ROMAN = ["I", "II", "III", "IV"];

/**
 * When the meeting was held, as the row says it: "ngày 05/07/2026", or for a
 * tracker's mark with no day "tháng 7/2026" / "quý III/2026"; null when the row gives no time.
 */
export function meetingWhen(m: Pick<MeetingRecord, "date" | "heldIn">): Text | null {
  const d = m.date;
  if (d) {
    // Written out rather than through formatDay: one call per finding on up to 155,000 rows.
    const date = (d.d < 10 ? "0" : "") + d.d + (d.m < 10 ? "/0" : "/") + d.m + "/" + d.y;
    return { vi: `ngày ${date}`, en: `on ${date}` };
  }
  const h = m.heldIn;
  if (!h) return null;
  return h.kind === "month"
    ? { vi: `tháng ${h.m}/${h.y}`, en: `in ${h.m}/${h.y}` }
    : { vi: `quý ${ROMAN[h.q - 1]}/${h.y}`, en: `in Q${h.q} ${h.y}` };
}

/** "Buổi sinh hoạt của Chi bộ Thôn 1 ngày 05/07/2026": which meeting a message is about. */
export function meetingName(m: MeetingRecord): Text {
  const cell = m.cell ?? "(chưa rõ chi bộ)";
  const cellEn = m.cell ?? "(unknown cell)";
  const when = meetingWhen(m);
  return {
    vi: when ? `Buổi sinh hoạt của ${cell} ${when.vi}` : `Buổi sinh hoạt của ${cell}`,
    en: when ? `The meeting of ${cellEn} ${when.en}` : `The meeting of ${cellEn}`,
  };
}

export function cadreName(c: CadreRecord): string {
  return c.name ?? "(chưa rõ họ tên)";
}
