import { ProblemRule } from "./problemRule";

/** `required`: a value the report cannot do without is blank. */
export const required: ProblemRule = (_p, label) => ({
  severity: "error",
  message: `Thiếu ${label.vi}.`,
  messageEn: `${label.en} is missing.`,
  fix: null,
});
