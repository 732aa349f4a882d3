// The forest plot's arm columns: what each study reports per group (mean (SD) n, or events/total) and the totals
// under them, in the units the extraction recorded, so a reader can check a row against the paper.
import type { Study, StudyData } from "../types";

const value = (x: number) => {
  if (Number.isInteger(x)) return String(x);
  return Math.abs(x) >= 1000 ? x.toFixed(0) : String(Number(x.toPrecision(4)));
};

/** The arm columns' texts for one study: mean (SD) n or events/total per arm. */
export function armTexts(d: StudyData): string[] {
  switch (d.kind) {
    case "continuous":
      return [`${value(d.m1)} (${value(d.sd1)}) ${d.n1}`, `${value(d.m2)} (${value(d.sd2)}) ${d.n2}`].map((t) =>
        t.replace(/-/g, "−"),
      );
    case "binary":
      return [`${d.events1}/${d.n1}`, `${d.events2}/${d.n2}`];
    case "single-binary":
      return [`${d.events}/${d.n}`];
    case "single-continuous":
      return [`${value(d.m)} (${value(d.sd)}) ${d.n}`.replace(/-/g, "−")];
    case "generic":
      return [];
  }
}

/** The totals row under the arms: participants (and events) per arm across the studies. */
export function armTotals(data: readonly StudyData[]): string[] {
  const sum = (f: (d: StudyData) => number) => data.reduce((s, d) => s + f(d), 0);
  const first = data[0];
  if (!first) return [];
  switch (first.kind) {
    case "continuous":
      return [
        String(sum((d) => (d.kind === "continuous" ? d.n1 : 0))),
        String(sum((d) => (d.kind === "continuous" ? d.n2 : 0))),
      ];
    case "binary":
      return [
        `${sum((d) => (d.kind === "binary" ? d.events1 : 0))}/${sum((d) => (d.kind === "binary" ? d.n1 : 0))}`,
        `${sum((d) => (d.kind === "binary" ? d.events2 : 0))}/${sum((d) => (d.kind === "binary" ? d.n2 : 0))}`,
      ];
    case "single-binary":
      return [
        `${sum((d) => (d.kind === "single-binary" ? d.events : 0))}/${sum((d) => (d.kind === "single-binary" ? d.n : 0))}`,
      ];
    case "single-continuous":
      return [String(sum((d) => (d.kind === "single-continuous" ? d.n : 0)))];
    case "generic":
      return [];
  }
}

export function armHeadings(
  studies: readonly Study[],
  arms?: { intervention: string; control: string },
): { name: string; sub: string }[] {
  const kind = studies[0]?.data.kind;
  const names = arms ?? { intervention: "Intervention", control: "Control" };
  switch (kind) {
    case "continuous":
      return [
        { name: names.intervention, sub: "Mean (SD) n" },
        { name: names.control, sub: "Mean (SD) n" },
      ];
    case "binary":
      return [
        { name: names.intervention, sub: "Events/Total" },
        { name: names.control, sub: "Events/Total" },
      ];
    case "single-binary":
      return [{ name: names.intervention, sub: "Events/Total" }];
    case "single-continuous":
      return [{ name: names.intervention, sub: "Mean (SD) n" }];
    default:
      return [];
  }
}
