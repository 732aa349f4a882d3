import { describe, expect, it } from "vitest";
import { AppError } from "../errors/app-error";
import { assess, checkAnswers, readAnswers } from "./answers";
import { compareAnswers, consensusDraft } from "./compare";
import { ROB2 } from "./tools/rob2";
import { SYRCLE } from "./tools/syrcle";

const ALL_LOW = {
  "1.1": "Y",
  "1.2": "Y",
  "1.3": "N",
  "2.1": "N",
  "2.2": "N",
  "2.6": "Y",
  "3.1": "Y",
  "4.1": "N",
  "4.2": "N",
  "4.3": "N",
  "5.1": "Y",
  "5.2": "N",
  "5.3": "N",
};

describe("checkAnswers", () => {
  it("keeps valid answers and drops blanks", () => {
    const answers = checkAnswers(ROB2, {
      responses: { "1.1": "Y", "1.2": "" },
      support: { D1: "quote" },
      overrides: {},
    });
    expect(answers.responses).toEqual({ "1.1": "Y" });
  });
  it.each([
    [{ responses: { "9.9": "Y" } }, /no question 9\.9/],
    [{ responses: { "1.1": "yes" } }, /not an answer to RoB 2 question 1\.1/],
    [{ responses: { "1.1": 3 } }, /not in the shape/],
    [
      { responses: { "1.2": "N" }, overrides: { D1: { judgement: "low", reason: " " } } },
      /Give a reason for overriding the proposed judgement of D1/,
    ],
    [{ overrides: { D1: { judgement: "critical", reason: "x" } } }, /not a RoB 2 judgement/],
    [{ support: { D9: "x" } }, /no domain D9/],
  ])("refuses %j", (raw, message) => {
    expect(() => checkAnswers(ROB2, raw)).toThrow(message);
    expect(() => checkAnswers(ROB2, raw)).toThrow(AppError);
  });
  it("needs no reason where the tool proposes nothing, or where the override agrees with the proposal", () => {
    expect(() => checkAnswers(ROB2, { overrides: { D1: { judgement: "high", reason: "" } } })).not.toThrow();
    expect(() =>
      checkAnswers(ROB2, { responses: { "1.2": "N" }, overrides: { D1: { judgement: "high", reason: "" } } }),
    ).not.toThrow();
  });
  it("refuses an overall override for a tool without an overall judgement", () => {
    expect(() => checkAnswers(SYRCLE, { overrides: { overall: { judgement: "low", reason: "x" } } })).toThrow(
      /no judgement overall/,
    );
  });
});

describe("assess", () => {
  it("proposes each domain and the overall judgement; an override replaces a proposal", () => {
    const answers = checkAnswers(ROB2, { responses: ALL_LOW });
    const result = assess(ROB2, answers);
    expect(result.domains.map((d) => d.final)).toEqual(["low", "low", "low", "low", "low"]);
    expect(result.overall).toMatchObject({ proposed: "low", final: "low", overridden: false });
    expect(result.missing).toEqual([]);
    const overridden = assess(ROB2, {
      ...answers,
      overrides: { D3: { judgement: "high", reason: "Half the mice died unexplained" } },
    });
    expect(overridden.domains[2]).toMatchObject({ proposed: "low", final: "high", overridden: true });
    expect(overridden.overall?.final).toBe("high");
  });
  it("lists what is still unjudged", () => {
    expect(assess(ROB2, checkAnswers(ROB2, {})).missing).toEqual(["D1", "D2", "D3", "D4", "D5", "overall"]);
  });
});

describe("comparison and consensus draft", () => {
  it("marks each question and judgement as agreed or not, and drafts only what both agree on", () => {
    const a = checkAnswers(ROB2, { responses: ALL_LOW, support: { D1: "computer-generated list" } });
    const b = checkAnswers(ROB2, { responses: { ...ALL_LOW, "1.2": "NI" }, support: { D1: "sealed envelopes" } });
    const items = compareAnswers(ROB2, [a, b]);
    const disagreements = items.filter((i) => !i.agree).map((i) => i.id);
    expect(disagreements).toEqual(["1.2", "D1", "overall"]);
    const draft = consensusDraft(ROB2, [
      { name: "Ann", answers: a },
      { name: "Bo", answers: b },
    ]);
    expect(draft.responses["1.2"]).toBeUndefined();
    expect(draft.responses["1.1"]).toBe("Y");
    expect(draft.support.D1).toBe("Ann: computer-generated list\nBo: sealed envelopes");
  });
});

describe("reading answers stored under an earlier version of the form", () => {
  it("sets aside an answer the question no longer offers, saying so, and reads the rest", () => {
    const stored = { responses: { "3.1": "N", "3.2": "NI", "1.2": "N" }, support: { D3: "17% lost" }, overrides: {} };
    const { answers, setAside } = readAnswers(ROB2, stored);
    expect(answers.responses).toEqual({ "3.1": "N", "1.2": "N" });
    expect(answers.support).toEqual({ D3: "17% lost" });
    expect(setAside).toEqual([
      {
        id: "3.2",
        value: "NI",
        message:
          '"No information" is no longer an answer to question 3.2 (the guidance offers Y, PY, PN, N, NA); answer it again.',
      },
    ]);
    const assessment = assess(ROB2, answers);
    expect(assessment.domains[0]!.final).toBe("high");
    expect(assessment.domains[2]!.final).toBeNull();
  });
  it("sets aside questions, variants and overrides the form no longer has, and never throws", () => {
    const { answers, setAside } = readAnswers(ROB2, {
      responses: { "9.9": "Y" },
      overrides: { D9: { judgement: "low", reason: "" }, D1: { judgement: "serious", reason: "x" } },
      variant: "per-protocol",
    });
    expect(answers).toEqual({ responses: {}, support: {}, overrides: {} });
    expect(setAside.map((s) => s.id)).toEqual(["variant", "9.9", "D9", "D1"]);
    expect(readAnswers(ROB2, "not answers").setAside).toHaveLength(1);
    expect(readAnswers(ROB2, null)).toEqual({ answers: { responses: {}, support: {}, overrides: {} }, setAside: [] });
  });
});
