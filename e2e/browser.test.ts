import { describe, expect, it } from "vitest";
import { chooseChromium, SYSTEM_CHROMIUM } from "./browser";

const having =
  (...paths: string[]) =>
  (path: string) =>
    paths.includes(path);

describe("chooseChromium", () => {
  it("takes CHROMIUM_PATH first, even over /usr/bin/chromium", () => {
    expect(chooseChromium("/opt/chrome/chrome", having("/opt/chrome/chrome", SYSTEM_CHROMIUM))).toEqual({
      source: "CHROMIUM_PATH",
      path: "/opt/chrome/chrome",
    });
  });

  it("refuses a CHROMIUM_PATH that does not exist rather than quietly using another browser", () => {
    expect(() => chooseChromium("/opt/chrome/chrome", having(SYSTEM_CHROMIUM))).toThrow(
      /CHROMIUM_PATH=\/opt\/chrome\/chrome: no such file/,
    );
  });

  it("then Debian's /usr/bin/chromium, an empty CHROMIUM_PATH counting as unset", () => {
    for (const value of [undefined, "", "  "]) {
      expect(chooseChromium(value, having(SYSTEM_CHROMIUM))).toEqual({ source: "system", path: SYSTEM_CHROMIUM });
    }
  });

  it("then the Chromium inside @sparticuz/chromium when no browser is installed", () => {
    expect(chooseChromium(undefined, having())).toEqual({ source: "bundled" });
  });

  it("CHROMIUM_PATH=bundled forces the bundled one where a browser is installed", () => {
    expect(chooseChromium("bundled", having(SYSTEM_CHROMIUM, "bundled"))).toEqual({ source: "bundled" });
  });
});
