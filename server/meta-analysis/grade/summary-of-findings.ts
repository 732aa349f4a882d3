// The Summary of findings table (Cochrane Handbook v6 ch. 14; GRADE Handbook section 5.1 and GRADEpro's layout):
// one row per outcome with participants (studies), certainty with the reasons it was rated down or up as
// footnotes, the relative effect, and for binary and time-to-event outcomes the anticipated absolute effects per
// 1,000 from an assumed control risk; for continuous outcomes the mean difference. Rows as CSV and XLSX.
import { PassThrough } from "node:stream";
import { AppError } from "../../errors/app-error";
import { CSV_BOM, csvRow } from "../../export/csv";
import { writeXlsx } from "../../export/table-writer";
import type { AnalysisResult } from "../analyse";
import { qnorm } from "../distributions";
import { num } from "../format";
import type { Study } from "../types";
import { ABSOLUTE_MEASURES, absoluteEffect } from "./absolute-effects";
import { type Certainty, certaintySymbols, type GradeResult } from "./certainty";

export interface SofOutcome {
  /** The outcome with its time point: "Death or permanent ventilation, 12 months". */
  outcome: string;
  result: AnalysisResult;
  studies: readonly Study[];
  /** When the data do not say (hazard ratios, generic effects). */
  participants?: number;
  grade: GradeResult;
  /** The assumed control risk (0–1) for binary and time-to-event outcomes; the studies' pooled control risk if not given. */
  assumedRisk?: number;
  comment?: string;
}

export interface SofRow {
  outcome: string;
  participants: string;
  /** Symbols and level, "⊕⊕◯◯ Low", as GRADEpro prints it. */
  certainty: string;
  level: Certainty;
  relative: string;
  riskControl: string;
  riskIntervention: string;
  difference: string;
  comment: string;
  /** Footnote letters for this row's ratings, indexes into the table's footnotes. */
  marks: string[];
}

export interface SofTable {
  rows: SofRow[];
  footnotes: { mark: string; text: string }[];
}

const ABBREVIATIONS: Partial<Record<string, string>> = {
  RR: "RR",
  OR: "OR",
  HR: "HR",
  RD: "RD",
  ROM: "Ratio of means",
};
const thousands = (n: number) => n.toLocaleString("en");
const per1000 = (n: number) => `${thousands(n)} per 1,000`;
const change = (d: number) => (d < 0 ? `${thousands(-d)} fewer` : d > 0 ? `${thousands(d)} more` : "0 fewer");
const direction = (d: number, digits: number) =>
  d < 0 ? `${num(-d, digits)} lower` : d > 0 ? `${num(d, digits)} higher` : `${num(0, digits)} higher`;

function participantsOf(o: SofOutcome): number | null {
  if (o.participants !== undefined) return o.participants;
  let total = 0;
  for (const s of o.studies) {
    const d = s.data;
    if (d.kind === "continuous" || d.kind === "binary") total += d.n1 + d.n2;
    else if (d.kind === "single-binary" || d.kind === "single-continuous") total += d.n;
    else return null;
  }
  return total;
}

/** The studies' own control risk: all control events over all control participants. */
function observedControlRisk(studies: readonly Study[]): number | null {
  let events = 0;
  let n = 0;
  for (const s of studies) {
    if (s.data.kind !== "binary") return null;
    events += s.data.events2;
    n += s.data.n2;
  }
  return n > 0 ? events / n : null;
}

export function summaryOfFindings(outcomes: readonly SofOutcome[]): SofTable {
  const footnotes: SofTable["footnotes"] = [];
  const rows = outcomes.map((o): SofRow => {
    const r = o.result;
    const measure = r.options.measure;
    if (["PLO", "PFT", "MN"].includes(measure))
      throw new AppError(
        "INVALID_INPUT",
        `${o.outcome}: a Summary of findings table compares two groups, not ${measure}`,
      );
    const level = r.options.level;
    const z = qnorm(1 - (1 - level) / 2);
    const only = r.studies[0];
    const [est, lo, hi] = r.pooled
      ? [r.pooled.estimate, r.pooled.ciLower, r.pooled.ciUpper]
      : [only!.yi, only!.yi - z * Math.sqrt(only!.vi), only!.yi + z * Math.sqrt(only!.vi)];
    const marks: string[] = [];
    for (const step of o.grade.steps) {
      if (step.change === 0) continue;
      const mark = String.fromCharCode(97 + footnotes.length);
      const levels = Math.abs(step.change) === 2 ? "two levels" : "one level";
      footnotes.push({
        mark,
        text: `${step.change < 0 ? "Rated down" : "Rated up"} ${levels} for ${step.what}: ${step.reason}`,
      });
      marks.push(mark);
    }
    const n = participantsOf(o);
    const design =
      o.grade.design === "randomised"
        ? r.k === 1
          ? "RCT"
          : "RCTs"
        : r.k === 1
          ? "non-randomised study"
          : "non-randomised studies";
    const ratio = ["RR", "OR", "HR", "ROM"].includes(measure);
    const relative = ABBREVIATIONS[measure]
      ? `${ABBREVIATIONS[measure]} ${num(ratio ? Math.exp(est) : est)} (${num(ratio ? Math.exp(lo) : lo)} to ${num(ratio ? Math.exp(hi) : hi)})`
      : "–";
    let riskControl = "–";
    let riskIntervention = "–";
    let difference = "–";
    if (ABSOLUTE_MEASURES.includes(measure)) {
      const acr = o.assumedRisk ?? observedControlRisk(o.studies);
      if (acr === null)
        throw new AppError("INVALID_INPUT", `${o.outcome}: give the assumed control risk for the absolute effects`);
      const a = absoluteEffect(measure, acr, est, lo, hi);
      riskControl = per1000(a.control);
      riskIntervention = `${per1000(a.intervention.estimate)} (${thousands(a.intervention.lower)} to ${thousands(a.intervention.upper)})`;
      difference = `${change(a.difference.estimate)} per 1,000 (from ${change(a.difference.lower)} to ${change(a.difference.upper)})`;
    } else if (measure === "MD" || measure === "NMD") {
      difference = `${measure} ${direction(est, 2)} (${direction(lo, 2)} to ${direction(hi, 2)})`;
    } else if (measure === "SMD") {
      difference = `SMD ${direction(est, 2)} SD (${direction(lo, 2)} to ${direction(hi, 2)})`;
    }
    return {
      outcome: o.outcome,
      participants: `${n === null ? "–" : thousands(n)} (${r.k} ${design})`,
      certainty: `${certaintySymbols(o.grade.certainty)} ${o.grade.certainty}`,
      level: o.grade.certainty,
      relative,
      riskControl,
      riskIntervention,
      difference,
      comment: o.comment ?? "",
      marks,
    };
  });
  return { rows, footnotes };
}

export const SOF_COLUMNS = [
  "Outcome",
  "Risk with control",
  "Risk with intervention (95 % CI)",
  "Difference (95 % CI)",
  "Relative effect (95 % CI)",
  "Participants (studies)",
  "Certainty of the evidence (GRADE)",
  "Comments",
] as const;

/** The row's cells in SOF_COLUMNS order; the certainty carries its footnote letters. */
export function sofCells(row: SofRow): string[] {
  return [
    row.outcome,
    row.riskControl,
    row.riskIntervention,
    row.difference,
    row.relative,
    row.participants,
    row.marks.length ? `${row.certainty} (${row.marks.join(", ")})` : row.certainty,
    row.comment,
  ];
}

/** Footnotes as rows under the table, so a spreadsheet keeps them with it. */
const footnoteRows = (t: SofTable) => [[], ...t.footnotes.map((f) => [`${f.mark}. ${f.text}`])];

export function sofCsv(t: SofTable): string {
  return (
    CSV_BOM +
    csvRow([...SOF_COLUMNS]) +
    t.rows.map((r) => csvRow(sofCells(r))).join("") +
    footnoteRows(t).map(csvRow).join("")
  );
}

export async function sofXlsx(t: SofTable): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (c: Buffer) => chunks.push(c));
  await writeXlsx(out, {
    sheetName: "Summary of findings",
    columns: SOF_COLUMNS,
    rows: [...t.rows.map(sofCells), ...footnoteRows(t)],
  });
  return Buffer.concat(chunks);
}
