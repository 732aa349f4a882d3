import { describe, expect, it } from "vitest";
import { AppError } from "../errors/app-error";
import { consensusJudgementFor } from "./result-lookup";
import { checkResult, resultLabel, sameResult } from "./result-ref";

const rows = [
  { studyId: "s1", outcomeId: "alsfrs", timePoint: "Week 28", overall: "high", judgements: ["low", "high"] },
  { studyId: "s1", outcomeId: "alsfrs", timePoint: "week 52", overall: "low", judgements: ["low", "low"] },
  { studyId: "s1", outcomeId: "survival", timePoint: "month 12", overall: "some_concerns", judgements: [] },
  { studyId: "s1", outcomeId: null, timePoint: "", overall: "low", judgements: [] },
  { studyId: "s2", outcomeId: "alsfrs", timePoint: "week 28", overall: "low", judgements: [] },
];

describe("the consensus judgement of one result", () => {
  it("finds the study's consensus for that outcome at that time point, written either way", () => {
    expect(consensusJudgementFor(rows, { studyId: "s1", outcomeId: "alsfrs", timePoint: "week  28" })?.overall).toBe(
      "high",
    );
    expect(consensusJudgementFor(rows, { studyId: "s1", outcomeId: "alsfrs", timePoint: "Week 52" })?.overall).toBe(
      "low",
    );
    expect(consensusJudgementFor(rows, { studyId: "s2", outcomeId: "alsfrs", timePoint: "Week 28" })?.overall).toBe(
      "low",
    );
  });
  it("never borrows another time point's, another outcome's or an unnamed result's judgement", () => {
    expect(consensusJudgementFor(rows, { studyId: "s1", outcomeId: "alsfrs", timePoint: "week 12" })).toBeNull();
    expect(consensusJudgementFor(rows, { studyId: "s1", outcomeId: "fvc", timePoint: "week 28" })).toBeNull();
    expect(consensusJudgementFor(rows, { studyId: "s3", outcomeId: "alsfrs", timePoint: "week 28" })).toBeNull();
  });
});

describe("naming a result", () => {
  it("keeps the per-study tools unnamed and tidies the time point", () => {
    expect(checkResult("rob2", { outcomeId: "o1", timePoint: "  week   28 " })).toEqual({
      outcomeId: "o1",
      timePoint: "week 28",
    });
    expect(checkResult("rob2", { outcomeId: null, timePoint: "week 28" })).toEqual({ outcomeId: null, timePoint: "" });
    expect(checkResult("robins_i", undefined)).toEqual({ outcomeId: null, timePoint: "" });
    expect(() => checkResult("syrcle", { outcomeId: "o1", timePoint: "" })).toThrow(AppError);
    expect(checkResult("validity_of_conclusions", { outcomeId: null })).toEqual({ outcomeId: null, timePoint: "" });
  });
  it("labels a result by its outcome and time point", () => {
    expect(resultLabel({ outcomeId: "o1", timePoint: "week 28" }, "ALSFRS-R change")).toBe("ALSFRS-R change, week 28");
    expect(resultLabel({ outcomeId: null, timePoint: "" }, null)).toBe("Result not named yet");
    expect(sameResult({ outcomeId: "o1", timePoint: "Week 28" }, { outcomeId: "o1", timePoint: "week 28" })).toBe(true);
  });
});
