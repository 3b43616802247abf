import { show, showEn } from "./finding";
import { defineRule } from "./rule";

/**
 * `text/legacy-encoding`: text typed with a TCVN3 (.VnTime) or VNI font reads
 * as garbage ("Hoµng V¨n Nam") everywhere else, and never matches the same
 * name typed in Unicode: a warning. The parse step did the conversion; the fix
 * writes it. The detail, when there is one, names the encoding.
 */
export const legacyEncoding = defineRule({
  id: "text/legacy-encoding",
  severities: ["warning"],
  label: { vi: "Phông chữ cũ (TCVN3, VNI)", en: "Old font encoding (TCVN3, VNI)" },
  checks: {
    vi: "Văn bản gõ bằng bảng mã cũ TCVN3 (ABC, phông .VnTime) hoặc VNI (phông VNI-Times), như \"Hoµng V¨n Nam\": máy khác đọc ra chữ lạ, và không khớp với cùng tên gõ bằng Unicode.",
    en: "Text typed in the old TCVN3 (ABC, .VnTime fonts) or VNI (VNI-Times fonts) encoding, such as \"Hoµng V¨n Nam\": it shows as garbage elsewhere and never matches the same name typed in Unicode.",
  },
  fix: { vi: "Chuyển sang Unicode.", en: "Converts it to Unicode." },
  settings: [],
  run: {
    cell: (p, label) => {
      const encodingEn = p.detail?.en;
      return {
        severity: "warning",
        message: {
          vi: `${label.vi} ${show(p.value)} được gõ bằng bảng mã cũ${p.detail ? " " + p.detail.vi : ""}` +
            (p.fix !== undefined ? `, đọc là ${show(p.fix)}.` : "."),
          en: `${label.en} ${showEn(p.value)} is in the legacy ${encodingEn ? encodingEn + " " : "Vietnamese "}encoding` +
            (p.fix !== undefined ? `, read as ${showEn(p.fix)}.` : "."),
        },
        fix: p.fix !== undefined
          ? { value: p.fix, description: { vi: `Chuyển sang Unicode: ${show(p.fix)}`, en: `Convert to Unicode: ${showEn(p.fix)}` } }
          : null,
      };
    },
  },
});
