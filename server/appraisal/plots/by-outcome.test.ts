import { describe, expect, it } from "vitest";
import { ROB2 } from "../tools/rob2";
import { plottedOutcomes, rowsForOutcome, UNNAMED } from "./by-outcome";
import { trafficLightSvg } from "./traffic-light";

const row = (label: string, outcomeId: string | null, timePoint: string, overall: string) => ({
  label,
  outcomeId,
  outcomeName: outcomeId === "o1" ? "ALSFRS-R change" : outcomeId === "o2" ? "Survival" : null,
  timePoint,
  judgements: ["low", "low", "low", "low", "low"],
  overall,
});
const ROWS = [
  row("Oh 2018", "o1", "week 28", "high"),
  row("Oh 2018", "o1", "week 52", "low"),
  row("Oh 2018", "o2", "month 12", "some_concerns"),
  row("Berry 2019", null, "", "low"),
  row("Berry 2019", "o1", "week 24", "low"),
];

describe("plots per outcome", () => {
  it("lists the outcomes judged, with the results not named yet last", () => {
    expect(plottedOutcomes(ROWS)).toEqual([
      { id: "o1", name: "ALSFRS-R change", studies: 3 },
      { id: "o2", name: "Survival", studies: 1 },
      { id: UNNAMED, name: "Result not named yet", studies: 1 },
    ]);
  });
  it("plots one outcome's results, a study once per time point", () => {
    const rows = rowsForOutcome(ROWS, "o1");
    expect(rows.map((r) => r.label)).toEqual(["Oh 2018 (week 28)", "Oh 2018 (week 52)", "Berry 2019 (week 24)"]);
    const svg = trafficLightSvg(ROB2, rows);
    expect(svg).toContain("Oh 2018 (week 28), Overall: High risk");
    expect(svg).toContain("Oh 2018 (week 52), Overall: Low risk");
    expect(svg).not.toContain("month 12");
    expect(rowsForOutcome(ROWS, UNNAMED).map((r) => r.label)).toEqual(["Berry 2019"]);
  });
});
