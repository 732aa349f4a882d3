import { describe, expect, it } from "vitest";
import { LabelColour as DbLabelColour } from "../db/generated/enums.ts";
import { checkLabelName, checkShortcut, LABEL_COLOURS, sameLabelName, VERDICT_NAME_MESSAGE } from "./label-rules";

describe("a label's name", () => {
  it("is refused when it says a verdict, in any case or with other words around it", () => {
    for (const name of [
      "Include",
      "EXCLUDE",
      "maybe",
      "Conflict",
      "in conflict",
      "Excluded (T/A)",
      "include?",
      "Unsure",
    ])
      expect(checkLabelName(name), name).toEqual({ error: VERDICT_NAME_MESSAGE });
  });

  it("is kept when a verdict word is part of another word or phrase about the study", () => {
    for (const name of ["Maybelline trial", "Conflict of interest", "Inclusion criteria unclear", "Includes children"])
      expect(checkLabelName(name), name).toEqual({ name });
  });

  it("is tidied, and refused empty or too long", () => {
    expect(checkLabelName("  Animal   study ")).toEqual({ name: "Animal study" });
    expect(checkLabelName("   ")).toEqual({ error: "Give the label a name." });
    expect(checkLabelName("x".repeat(41))).toHaveProperty("error");
  });

  it("compares without regard to case", () => {
    expect(sameLabelName("Animal study", "animal STUDY")).toBe(true);
    expect(sameLabelName("Animal study", "Animal studies")).toBe(false);
  });
});

describe("a label's shortcut", () => {
  it("is one letter or 0, stored in upper case, or none", () => {
    expect(checkShortcut("a", [])).toEqual({ shortcut: "A" });
    expect(checkShortcut("0", [])).toEqual({ shortcut: "0" });
    expect(checkShortcut("", [])).toEqual({ shortcut: null });
    expect(checkShortcut(null, [])).toEqual({ shortcut: null });
    expect(checkShortcut("ab", [])).toHaveProperty("error");
    expect(checkShortcut("/", [])).toHaveProperty("error");
  });

  it("never takes a key of the screening screen, and says which it is", () => {
    expect(checkShortcut("i", [])).toEqual({
      error: "I is the screening screen's key for Include: choose another key.",
    });
    for (const key of ["E", "M", "N", "Z", "1", "5", "9"]) expect(checkShortcut(key, []), key).toHaveProperty("error");
    expect(checkShortcut("3", [])).toEqual({
      error: "3 is the screening screen's key for an exclusion reason: choose another key.",
    });
  });

  it("is refused when another label has it", () => {
    expect(checkShortcut("a", [{ name: "Animal study", shortcut: "A" }])).toEqual({
      error: "A is already the shortcut of the label “Animal study”.",
    });
  });
});

describe("the palette", () => {
  it("is the database's label_colour enum", () => {
    expect([...LABEL_COLOURS].sort()).toEqual(Object.values(DbLabelColour).sort());
  });
});
