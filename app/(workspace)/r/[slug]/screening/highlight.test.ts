import { describe, expect, it } from "vitest";
import { highlightSegments, keywordMatcher } from "./highlight";

const marked = (text: string, include: string[], exclude: string[] = []) =>
  highlightSegments(text, keywordMatcher(include, exclude))
    .filter((s) => s.kind)
    .map((s) => `${s.kind}:${s.text}`);

describe("highlightSegments", () => {
  it("marks whole words without regard to case", () => {
    expect(marked("Stem cells in ALS; stemming is not stem.", ["stem"])).toEqual(["include:Stem", "include:stem"]);
  });
  it("accepts a plural", () => {
    expect(marked("Mesenchymal stem cells and one stem cell", ["stem cell"])).toEqual([
      "include:stem cells",
      "include:stem cell",
    ]);
  });
  it("tells inclusion from exclusion keywords", () => {
    expect(marked("A randomised trial in mice", ["randomised trial"], ["mice"])).toEqual([
      "include:randomised trial",
      "exclude:mice",
    ]);
  });
  it("prefers the longest keyword", () => {
    expect(marked("stem cell therapy", ["stem cell"], ["stem cell therapy"])).toEqual(["exclude:stem cell therapy"]);
  });
  it("takes keywords literally, regular-expression characters included", () => {
    expect(marked("IL-6 (ALS) and c++ but not ILx6", ["IL-6", "(ALS)", "c++", "."])).toEqual([
      "include:IL-6",
      "include:(ALS)",
      "include:c++",
    ]);
  });
  it("matches across line breaks in a phrase", () => {
    expect(marked("motor\nneuron", ["motor neuron"])).toEqual(["include:motor\nneuron"]);
  });
  it("gives back the text unchanged", () => {
    const text = "Intrathecal MSC in amyotrophic lateral sclerosis: a phase 2 trial.";
    const joined = highlightSegments(text, keywordMatcher(["MSC", "trial"], ["sclerosis"]))
      .map((s) => s.text)
      .join("");
    expect(joined).toBe(text);
  });
  it("leaves text alone when there are no keywords", () => {
    expect(highlightSegments("text", keywordMatcher([], ["  "]))).toEqual([{ text: "text", kind: null }]);
  });
});
