import { CADRE_FIELDS, CELL_FIELDS, FIELDS, MEETING_FIELDS, fieldDef } from "../model";
import { parseField } from "./field";

describe("parseField", () => {
  it("turns a blank required field into a `required` problem", () => {
    expect(parseField(fieldDef("cadres", "name"), "")).toEqual({ kind: "problem", problems: [{ code: "required" }] });
    expect(parseField(fieldDef("meetings", "date"), " ")).toEqual({ kind: "problem", problems: [{ code: "required" }] });
  });

  it("leaves a blank optional field blank, and a blank yes/no as no", () => {
    expect(parseField(fieldDef("cadres", "religion"), "").kind).toBe("blank");
    expect(parseField(fieldDef("meetings", "minutesKept"), "")).toMatchObject({ value: false });
  });

  it("uses each field's limits", () => {
    expect(parseField(fieldDef("cells", "members"), 2).problems[0]).toMatchObject({ code: "type/integer" });
    expect(parseField(fieldDef("meetings", "score"), "95,5")).toMatchObject({ value: 95.5, problems: [] });
  });

  it("reads one typical value for every field of every table", () => {
    const sample: Record<string, unknown> = {
      text: "Chi bộ thôn Đông", integer: 12, number: 90, date: 45658, birth: 1975, birthYearMale: 1975,
      birthYearFemale: "x", yesno: "Có", yesnoOrDate: "12/05/2024", yesnoOrName: "Nguyễn Văn An",
      term: "2025-2030", digits: "0123",
    };
    for (const defs of Object.values(FIELDS)) {
      for (const def of defs) {
        const v = def.type === "enum" ? def.enumDef!.values[0] : (sample[def.type] as string | number);
        const r = parseField(def, v);
        expect({ key: def.key, kind: r.kind }).toEqual({ key: def.key, kind: "value" });
      }
    }
    expect(CELL_FIELDS.length + CADRE_FIELDS.length + MEETING_FIELDS.length).toBeGreaterThan(30);
  });

  it("refuses an enum field defined without its list", () => {
    expect(() => parseField({ key: "x", type: "enum", required: false, headers: [], label: { vi: "x", en: "x" } }, "a")).toThrow();
  });
});
