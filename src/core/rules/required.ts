import { defineRule } from "./rule";
import { requiredByContext } from "./requiredByContext";

/** `required`: a value the report cannot do without is blank. */
export const required = defineRule({
  id: "required",
  severities: ["error"],
  label: { vi: "Thiếu giá trị bắt buộc", en: "Required value missing" },
  checks: {
    vi: "Ô bắt buộc để trống (họ tên, chi bộ, ngày sinh hoạt, số đảng viên…); cả Đảng bộ xã/phường của buổi sinh hoạt khi danh sách chi bộ không cho biết, và chi bộ của cán bộ giữ chức ở chi bộ.",
    en: "A value the report cannot do without is blank (a name, a cell, a meeting date, the number of members…); also a meeting's commune when the list of cells does not give it, and the cell of a cadre whose post is in a cell.",
  },
  fix: null,
  settings: [],
  run: {
    cell: (_p, label) => ({
      severity: "error",
      message: { vi: `Thiếu ${label.vi}.`, en: `${label.en} is missing.` },
      fix: null,
    }),
    table: requiredByContext,
  },
});
