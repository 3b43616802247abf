import { show, showEn } from "./finding";
import { ProblemRule } from "./problemRule";

/** `text/spaces`: leading, trailing or doubled spaces; harmless to read, but they split names in filters. */
export const textSpaces: ProblemRule = (p, label) => {
  const trimmed = p.fix !== undefined ? p.fix : typeof p.value === "string" ? p.value.trim().replace(/\s{2,}/g, " ") : p.value;
  return {
    severity: "info",
    message: `${label.vi} ${show(p.value)} có khoảng trắng thừa.`,
    messageEn: `${label.en} ${showEn(p.value)} has extra spaces.`,
    fix: { value: trimmed, description: "Bỏ khoảng trắng thừa", descriptionEn: "Remove the extra spaces" },
  };
};
