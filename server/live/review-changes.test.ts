import { describe, expect, it } from "vitest";
import { parseReviewChange, reviewChangedSql } from "./review-changes";

const change = { reviewId: "r1", stage: "title_abstract", kind: "decision", actorId: "u1" } as const;

describe("a review's change as announced", () => {
  it("carries ids only, and reads back as it was sent", () => {
    const payload = reviewChangedSql(change).values[1] as string;
    expect(JSON.parse(payload)).toEqual(change);
    expect(parseReviewChange(payload)).toEqual(change);
    expect(parseReviewChange(JSON.stringify({ ...change, stage: null, kind: "import" }))).toMatchObject({
      stage: null,
    });
  });

  it("ignores anything else heard on the channel", () => {
    for (const payload of [
      undefined,
      "",
      "not json",
      "null",
      JSON.stringify({ ...change, kind: "verdict" }),
      JSON.stringify({ ...change, stage: "appraisal" }),
      JSON.stringify({ ...change, actorId: undefined }),
      JSON.stringify({ stage: "title_abstract", kind: "decision", actorId: "u1" }),
    ])
      expect(parseReviewChange(payload), String(payload)).toBeNull();
  });
});
