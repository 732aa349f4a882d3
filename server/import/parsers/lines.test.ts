import { describe, expect, it } from "vitest";
import { lineBatches } from "./lines";

async function linesOf(...chunks: string[]): Promise<string[]> {
  async function* source() {
    yield* chunks;
  }
  const out: string[] = [];
  for await (const batch of lineBatches(source())) out.push(...batch);
  return out;
}

describe("lineBatches", () => {
  it("treats \\r\\n, \\n and a lone \\r each as one line break", async () => {
    expect(await linesOf("a\r\nb\nc\rd")).toEqual(["a", "b", "c", "d"]);
  });

  it("keeps blank lines, including the one \\r\\r\\n makes", async () => {
    expect(await linesOf("a\r\r\nb\n\nc\n")).toEqual(["a", "", "b", "", "c"]);
  });

  it("does not see an extra blank line when a chunk ends between \\r and \\n", async () => {
    expect(await linesOf("a\r", "\nb\r", "\r\nc")).toEqual(["a", "b", "", "c"]);
  });

  it("joins a line that spans several chunks", async () => {
    expect(await linesOf("TI  - a ", "long", "", " title\nER  -")).toEqual(["TI  - a long title", "ER  -"]);
  });

  it("drops a byte-order mark at the start only", async () => {
    expect(await linesOf("", "\uFEFFTY  - JOUR\n\uFEFFx")).toEqual(["TY  - JOUR", "\uFEFFx"]);
  });
});
