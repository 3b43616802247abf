import { ratingForScore, ratingScore } from "./ratingScore";
import { meeting, settings } from "../../../test/factories/records";
import { runMeetingRule } from "../../../test/factories/rules";

describe("meeting/rating-score", () => {
  const bands = settings().scoreBands;
  it("maps scores to the DOMAIN.md bands, lower bounds included", () => {
    expect([100, 90, 89.5, 70, 69.9, 50, 49, 0].map((s) => ratingForScore(s, bands)))
      .toEqual(["Tốt", "Tốt", "Khá", "Khá", "Trung bình", "Trung bình", "Kém", "Kém"]);
  });
  it("flags a rating that disagrees with the score, without a fix", () => {
    const [f] = runMeetingRule(ratingScore, meeting({ score: 75, rating: "Tốt" }));
    expect(f).toMatchObject({ rule: "meeting/rating-score", severity: "warning", value: "Tốt", fix: null });
    expect(f.message.vi).toContain("Khá");
  });
  it("accepts agreeing pairs and missing halves", () => {
    expect(runMeetingRule(ratingScore, meeting({ score: 90, rating: "Tốt" }))).toEqual([]);
    expect(runMeetingRule(ratingScore, meeting({ score: 49, rating: "Kém" }))).toEqual([]);
    expect(runMeetingRule(ratingScore, meeting({ score: null, rating: "Kém" }))).toEqual([]);
    expect(runMeetingRule(ratingScore, meeting({ score: 10, rating: null }))).toEqual([]);
  });
});
