import { describe, expect, it } from "vitest";
import { copyLine } from "./copy-text";

describe("copyLine", () => {
  it("escapes what would end a field or a row, and writes NULL as \\N", () => {
    expect(copyLine(["a\tb", "line1\nline2\r", "back\\slash", null, 2019])).toBe(
      "a\\tb\tline1\\nline2\\r\tback\\\\slash\t\\N\t2019\n",
    );
  });

  it("writes arrays as quoted literals, escaping quotes and backslashes inside items", () => {
    expect(copyLine([["Smith, J.", 'O"Neil', "a\\b"], []])).toBe('{"Smith, J.","O\\\\"Neil","a\\\\\\\\b"}\t{}\n');
  });

  it("drops NUL characters, which PostgreSQL text cannot hold", () => {
    expect(copyLine(["a\u0000b", ["c\u0000"]])).toBe('ab\t{"c"}\n');
  });
});
