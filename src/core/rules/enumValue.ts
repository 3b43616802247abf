import { show, showEn } from "./finding";
import { excelErrorVerdict, invalidBecause } from "./problemRule";
import { defineRule } from "./rule";

/**
 * `enum`: the value is not one of the allowed values. When the parse step
 * recognised it (a synonym such as "ĐH", or the value without diacritics), the
 * reading is certain and the fix writes the canonical spelling: info. When it
 * did not, a person has to choose: error, with the nearest value as a fix
 * when one clearly wins. The parse step tells them apart by giving a reason
 * (a detail) only for values it could not read.
 */
export const enumValue = defineRule({
  id: "enum",
  severities: ["error", "info"],
  label: { vi: "Giá trị không thuộc danh mục", en: "Value not in the list" },
  checks: {
    vi: "Giá trị không thuộc danh mục cho phép (chức vụ, loại sinh hoạt, xếp loại, trình độ…). Cách viết khác được nhận ra chắc chắn (\"ĐH\", gõ không dấu): thông tin; giá trị không nhận ra được: lỗi.",
    en: "The value is not one of the allowed values (post, kind of meeting, rating, education…). Another spelling recognised with certainty (\"ĐH\", typed without diacritics): info; a value not recognised: an error.",
  },
  fix: {
    vi: "Ghi cách viết chuẩn của danh mục; với giá trị không nhận ra, giá trị gần nhất khi có một giá trị rõ ràng nhất.",
    en: "Writes the list's standard spelling; for a value not recognised, the nearest value when one clearly wins.",
  },
  settings: [],
  run: {
    cell: (p, label) => {
      const excel = excelErrorVerdict(p, label);
      if (excel) return excel;
      if (p.fix !== undefined && p.detail === undefined) {
        return {
          severity: "info",
          message: {
            vi: `${label.vi} ${show(p.value)} được hiểu là ${show(p.fix)}; nên ghi theo cách viết chuẩn.`,
            en: `${label.en} ${showEn(p.value)} is read as ${showEn(p.fix)}; better to use the standard spelling.`,
          },
          fix: {
            value: p.fix,
            description: { vi: `Đổi ${show(p.value)} thành ${show(p.fix)}`, en: `Change ${showEn(p.value)} to ${showEn(p.fix)}` },
          },
        };
      }
      const text = invalidBecause(p, label) ?? {
        message: {
          vi: `${label.vi} ${show(p.value)} không thuộc danh sách giá trị cho phép.`,
          en: `${label.en} ${showEn(p.value)} is not one of the allowed values.`,
        },
      };
      return {
        severity: "error",
        ...text,
        fix: p.fix === undefined ? null : {
          value: p.fix,
          description: { vi: `Đổi ${show(p.value)} thành ${show(p.fix)}`, en: `Change ${showEn(p.value)} to ${showEn(p.fix)}` },
        },
      };
    },
  },
});
