import type { MeetingKind } from "../model";

/** The meeting counts as the month's regular meeting (Điều lệ Đảng, art. 24): regular, or regular combined with thematic. */
export function isRegular(kind: MeetingKind | null): boolean {
  return kind === "Thường kỳ" || kind === "Thường kỳ kết hợp chuyên đề";
}

/** The meeting counts as the quarter's thematic meeting (Hướng dẫn 12-HD/BTCTW): thematic, or combined with regular. */
export function isThematic(kind: MeetingKind | null): boolean {
  return kind === "Chuyên đề" || kind === "Thường kỳ kết hợp chuyên đề";
}
