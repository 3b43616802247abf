import { MEETING_KINDS } from "../model";
import { isRegular, isThematic } from "./meetingKind";

describe("regular and thematic", () => {
  it("a combined meeting is both; each plain kind is one; an unread kind is neither", () => {
    expect(MEETING_KINDS.values.map((k) => [k, isRegular(k), isThematic(k)])).toEqual([
      ["Thường kỳ", true, false],
      ["Chuyên đề", false, true],
      ["Thường kỳ kết hợp chuyên đề", true, true],
    ]);
    expect([isRegular(null), isThematic(null)]).toEqual([false, false]);
  });
});
