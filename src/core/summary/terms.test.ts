import { TermLog, normalTerm, termStart } from "./terms";

describe("terms as offices write them", () => {
  it.each([
    ["2020-2025", 2020], ["2020 - 2025", 2020], ["2020–2025", 2020], ["NK 2020-2025", 2020], ["Nhiệm kỳ 2025-2030", 2025],
    ["2025-2027", 2025], ["2025/2030", 2025], ["khóa 2015", 2015], ["không rõ", null],
  ])("%j begins in %j", (text, year) => {
    expect(termStart(text)).toBe(year);
  });

  it("orders terms by their first year, one term for spellings that begin the same year", () => {
    const log = new TermLog();
    for (const t of ["2020 - 2025", "2025-2030", "NK 2025-2027", "2015–2020", "2020-2025", null, ""]) log.note(t);
    expect(log.years()).toEqual([2025, 2020, 2015]);
    expect(log.label(2025)).toBe("2025-2027, 2025-2030");
    expect(log.label(2020)).toBe("2020-2025");
  });

  it("writes a term one way", () => {
    expect(normalTerm("NK 2020 – 2025")).toBe("2020-2025");
    expect(normalTerm(" khóa XX ")).toBe("khóa XX");
  });
});
