import { Rating, Settings } from "../model";
import { fieldFinding } from "./finding";
import { meetingName } from "./rowRule";
import { defineRule } from "./rule";

/** The rating a score earns: Tốt ≥ 90, Khá 70–<90, Trung bình 50–<70, Kém < 50 by default. */
export function ratingForScore(score: number, bands: Settings["scoreBands"]): Rating {
  if (score >= bands.tot) return "Tốt";
  if (score >= bands.kha) return "Khá";
  if (score >= bands.trungBinh) return "Trung bình";
  return "Kém";
}

const RATING_EN: Record<Rating, string> = { "Tốt": "Good", "Khá": "Fair", "Trung bình": "Average", "Kém": "Poor" };

/**
 * `meeting/rating-score`: the rating disagrees with the score. No fix: which
 * of the two is wrong needs a person.
 */
export const ratingScore = defineRule({
  id: "meeting/rating-score",
  severities: ["warning"],
  label: { vi: "Xếp loại không khớp điểm", en: "Rating disagrees with score" },
  checks: {
    vi: "Xếp loại buổi sinh hoạt không khớp với điểm theo các mức điểm xếp loại (mặc định Tốt từ 90, Khá từ 70, Trung bình từ 50, dưới đó là Kém).",
    en: "The meeting's rating disagrees with its score under the rating scores (by default Tốt from 90, Khá from 70, Trung bình from 50, Kém below).",
  },
  fix: null,
  settings: ["scoreBands"],
  run: {
    meeting: (m, ctx, out) => {
      if (m.score === null || m.rating === null) return;
      const expected = ratingForScore(m.score, ctx.settings.scoreBands);
      if (expected === m.rating) return;
      const name = meetingName(m);
      out.push(fieldFinding("meeting/rating-score", "warning", m, ["rating", "score"], {
        vi: `${name.vi}: xếp loại "${m.rating}" không khớp với điểm ${m.score} (điểm này ứng với "${expected}").`,
        en: `${name.en}: rated "${m.rating}" (${RATING_EN[m.rating]}) but the score ${m.score} means "${expected}" (${RATING_EN[expected]}).`,
      }));
    },
  },
});
