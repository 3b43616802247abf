import { show, showEn } from "./finding";
import { ProblemRule } from "./problemRule";

/** `text/unicode-form`: decomposed (NFD) text looks right but compares unequal to the composed form. */
export const unicodeForm: ProblemRule = (p, label) => {
  const nfc = p.fix !== undefined ? p.fix : typeof p.value === "string" ? p.value.normalize("NFC") : p.value;
  return {
    severity: "info",
    message: `${label.vi} ${show(p.value)} dùng Unicode dạng tổ hợp (NFD) thay vì dựng sẵn (NFC).`,
    messageEn: `${label.en} ${showEn(p.value)} is decomposed Unicode (NFD) rather than composed (NFC).`,
    fix: { value: nfc, description: "Chuẩn hóa Unicode (NFC)", descriptionEn: "Normalise to composed Unicode (NFC)" },
  };
};
