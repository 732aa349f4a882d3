import { describe, expect, it } from "vitest";
import { checkDemoResetAllowed, demoWanted } from "./demo-choice";

const server = { DATABASE_URL: "postgresql://sift@db.example.net/sift" };

describe("demo review", () => {
  it("goes into the embedded database unless refused, and into DATABASE_URL's only when asked for", () => {
    expect(demoWanted(undefined, {})).toBe(true);
    expect(demoWanted(undefined, { DATABASE_URL: "" })).toBe(true);
    expect(demoWanted(false, {})).toBe(false);
    expect(demoWanted(undefined, { SIFT_DEMO: "0" })).toBe(false);

    expect(demoWanted(undefined, server)).toBe(false);
    expect(demoWanted(true, server)).toBe(true);
    expect(demoWanted(undefined, { ...server, SIFT_DEMO: "1" })).toBe(true);
    expect(demoWanted(false, { ...server, SIFT_DEMO: "1" })).toBe(false);
    expect(demoWanted(true, { ...server, SIFT_DEMO: "0" })).toBe(true);
  });

  it("names a SIFT_DEMO that is neither 1 nor 0", () => {
    expect(() => demoWanted(undefined, { SIFT_DEMO: "yes" })).toThrow(
      'SIFT_DEMO is "yes"; set it to 1 (create the demo review) or 0 (never), or leave it unset',
    );
  });

  it("is reset in DATABASE_URL's database only with --force", () => {
    expect(() => checkDemoResetAllowed(false, server)).toThrow(/^DATABASE_URL is set: .* add --force/);
    expect(() => checkDemoResetAllowed(true, server)).not.toThrow();
    expect(() => checkDemoResetAllowed(false, {})).not.toThrow();
  });
});
