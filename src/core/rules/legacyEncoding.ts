import { show, showEn } from "./finding";
import { ProblemRule, withDetail } from "./problemRule";

/**
 * `text/legacy-encoding`: text typed with a TCVN3 (.VnTime) or VNI font reads
 * as garbage ("Hoµng V¨n Nam") everywhere else, and never matches the same
 * name typed in Unicode: a warning. The parse step did the conversion; the fix writes it.
 */
export const legacyEncoding: ProblemRule = (p, label) => ({
  severity: "warning",
  message: withDetail(
    `${label.vi} ${show(p.value)} được gõ bằng bảng mã cũ` + (p.fix !== undefined ? `, đọc là ${show(p.fix)}` : ""),
    p.detail,
  ) + ".",
  messageEn: withDetail(
    `${label.en} ${showEn(p.value)} is in a legacy Vietnamese encoding` + (p.fix !== undefined ? `, read as ${showEn(p.fix)}` : ""),
    p.detail,
  ) + ".",
  fix: p.fix !== undefined
    ? { value: p.fix, description: `Chuyển sang Unicode: ${show(p.fix)}`, descriptionEn: `Convert to Unicode: ${showEn(p.fix)}` }
    : null,
});
