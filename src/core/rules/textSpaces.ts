import { show, showEn } from "./finding";
import { defineRule } from "./rule";

/** `text/spaces`: leading, trailing or doubled spaces; harmless to read, but they split names in filters. */
export const textSpaces = defineRule({
  id: "text/spaces",
  severities: ["info"],
  label: { vi: "Khoảng trắng thừa", en: "Extra spaces" },
  checks: {
    vi: "Văn bản có khoảng trắng ở đầu, ở cuối hoặc hai khoảng trắng liền nhau: đọc vẫn đúng, nhưng lọc và đếm trong Excel sẽ tách thành hai tên.",
    en: "Text with spaces at the start, at the end or two in a row: it still reads right, but Excel's filters and counts split it into two names.",
  },
  fix: { vi: "Bỏ khoảng trắng thừa.", en: "Removes the extra spaces." },
  settings: [],
  run: {
    cell: (p, label) => {
      const trimmed = p.fix !== undefined ? p.fix : typeof p.value === "string" ? p.value.trim().replace(/\s{2,}/g, " ") : p.value;
      return {
        severity: "info",
        message: { vi: `${label.vi} ${show(p.value)} có khoảng trắng thừa.`, en: `${label.en} ${showEn(p.value)} has extra spaces.` },
        fix: { value: trimmed, description: { vi: "Bỏ khoảng trắng thừa", en: "Remove the extra spaces" } },
      };
    },
  },
});
