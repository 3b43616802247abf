import { show, showEn } from "./finding";
import { defineRule } from "./rule";

/** `text/unicode-form`: decomposed (NFD) text looks right but compares unequal to the composed form. */
export const unicodeForm = defineRule({
  id: "text/unicode-form",
  severities: ["info"],
  label: { vi: "Unicode tổ hợp", en: "Decomposed Unicode" },
  checks: {
    vi: "Văn bản dùng Unicode dạng tổ hợp (NFD) thay vì dựng sẵn (NFC): trông giống hệt nhưng Excel coi là hai tên khác nhau.",
    en: "Text in decomposed Unicode (NFD) rather than composed (NFC): it looks the same, but Excel takes it for a different name.",
  },
  fix: { vi: "Chuẩn hóa Unicode (NFC).", en: "Normalises it to composed Unicode (NFC)." },
  settings: [],
  run: {
    cell: (p, label) => {
      const nfc = p.fix !== undefined ? p.fix : typeof p.value === "string" ? p.value.normalize("NFC") : p.value;
      return {
        severity: "info",
        message: {
          vi: `${label.vi} ${show(p.value)} dùng Unicode dạng tổ hợp (NFD) thay vì dựng sẵn (NFC).`,
          en: `${label.en} ${showEn(p.value)} is decomposed Unicode (NFD) rather than composed (NFC).`,
        },
        fix: { value: nfc, description: { vi: "Chuẩn hóa Unicode (NFC)", en: "Normalise to composed Unicode (NFC)" } },
      };
    },
  },
});
