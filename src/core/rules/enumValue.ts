import { show, showEn } from "./finding";
import { ProblemRule, withDetail } from "./problemRule";

/**
 * `enum`: the value is not one of the allowed values. When the parse step
 * recognised it (a synonym such as "ĐH", or the value without diacritics), the
 * reading is certain and the fix writes the canonical spelling: info. When it
 * did not, a person has to choose: error.
 */
export const enumValue: ProblemRule = (p, label) =>
  p.fix !== undefined
    ? {
        severity: "info",
        message: `${label.vi} ${show(p.value)} được hiểu là ${show(p.fix)}; nên ghi theo cách viết chuẩn.`,
        messageEn: `${label.en} ${showEn(p.value)} is read as ${showEn(p.fix)}; the standard spelling is better.`,
        fix: {
          value: p.fix,
          description: `Đổi ${show(p.value)} thành ${show(p.fix)}`,
          descriptionEn: `Change ${showEn(p.value)} to ${showEn(p.fix)}`,
        },
      }
    : {
        severity: "error",
        message: withDetail(`${label.vi} ${show(p.value)} không thuộc danh sách giá trị cho phép`, p.detail) + ".",
        messageEn: withDetail(`${label.en} ${showEn(p.value)} is not one of the allowed values`, p.detail) + ".",
        fix: null,
      };
