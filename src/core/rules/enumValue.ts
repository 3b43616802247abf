import { show, showEn } from "./finding";
import { ProblemRule, excelErrorVerdict, invalidBecause } from "./problemRule";

/**
 * `enum`: the value is not one of the allowed values. When the parse step
 * recognised it (a synonym such as "ĐH", or the value without diacritics), the
 * reading is certain and the fix writes the canonical spelling: info. When it
 * did not, a person has to choose: error, with the nearest value as a fix
 * when one clearly wins. The parse step tells them apart by giving a reason
 * (a detail) only for values it could not read.
 */
export const enumValue: ProblemRule = (p, label) => {
  const excel = excelErrorVerdict(p, label);
  if (excel) return excel;
  if (p.fix !== undefined && p.detail === undefined) {
    return {
      severity: "info",
      message: `${label.vi} ${show(p.value)} được hiểu là ${show(p.fix)}; nên ghi theo cách viết chuẩn.`,
      messageEn: `${label.en} ${showEn(p.value)} is read as ${showEn(p.fix)}; better to use the standard spelling.`,
      fix: {
        value: p.fix,
        description: `Đổi ${show(p.value)} thành ${show(p.fix)}`,
        descriptionEn: `Change ${showEn(p.value)} to ${showEn(p.fix)}`,
      },
    };
  }
  const text = invalidBecause(p, label) ?? {
    message: `${label.vi} ${show(p.value)} không thuộc danh sách giá trị cho phép.`,
    messageEn: `${label.en} ${showEn(p.value)} is not one of the allowed values.`,
  };
  return {
    severity: "error",
    ...text,
    fix: p.fix === undefined ? null : {
      value: p.fix,
      description: `Đổi ${show(p.value)} thành ${show(p.fix)}`,
      descriptionEn: `Change ${showEn(p.value)} to ${showEn(p.fix)}`,
    },
  };
};
