import { show, showEn } from "./finding";
import { ProblemRule, detailEnOf } from "./problemRule";

/**
 * `text/legacy-encoding`: text typed with a TCVN3 (.VnTime) or VNI font reads
 * as garbage ("Hoµng V¨n Nam") everywhere else, and never matches the same
 * name typed in Unicode: a warning. The parse step did the conversion; the fix
 * writes it. The detail, when there is one, names the encoding.
 */
export const legacyEncoding: ProblemRule = (p, label) => {
  const encodingEn = detailEnOf(p);
  return {
    severity: "warning",
    message: `${label.vi} ${show(p.value)} được gõ bằng bảng mã cũ${p.detail ? " " + p.detail : ""}` +
      (p.fix !== undefined ? `, đọc là ${show(p.fix)}.` : "."),
    messageEn: `${label.en} ${showEn(p.value)} is in the legacy ${encodingEn ? encodingEn + " " : "Vietnamese "}encoding` +
      (p.fix !== undefined ? `, read as ${showEn(p.fix)}.` : "."),
    fix: p.fix !== undefined
      ? { value: p.fix, description: `Chuyển sang Unicode: ${show(p.fix)}`, descriptionEn: `Convert to Unicode: ${showEn(p.fix)}` }
      : null,
  };
};
