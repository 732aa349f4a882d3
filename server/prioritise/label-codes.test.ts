import { describe, expect, it } from "vitest";
import { decodeLabels } from "./label-codes";

describe("decodeLabels", () => {
  it("reads an include, an exclusion and the open records by position", () => {
    expect(decodeLabels("o-ieo")).toEqual({
      labels: new Map([
        [2, 1],
        [3, 0],
      ]),
      open: [0, 4],
    });
  });

  it("reads nothing from an empty stage", () => {
    expect(decodeLabels("")).toEqual({ labels: new Map(), open: [] });
  });
});
