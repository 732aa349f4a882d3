// What later work hangs on a settled outcome that a lead reopens or overrides, and the plain sentences that tell
// the lead what would be undone. Pure and browser-safe: the record page's dialog writes the same lines the
// refusal names.

import type { Stage } from "../shared/stages";

export type RetrievalState = "sought" | "retrieved" | "not_retrieved";

/** The study a report is in, as taking the report out of it would leave it. */
export type StudyWork = {
  label: string;
  /** The study's other reports: with none left, the study goes, and with it its extraction and appraisals. */
  otherReports: number;
  /** Data extractions (each extractor's, and the consensus) and appraisals of the study. */
  extractions: number;
  appraisals: number;
};

/**
 * The work that depends on the outcome. At title/abstract an inclusion made a report (PRISMA: "report sought"),
 * which may have its full text, full-text decisions and outcome, and a study; at full text an inclusion may have
 * put the report in a study.
 */
export type DependentWork = {
  /** Title/abstract only: the record's report, which goes with the inclusion. */
  report: { id: string; retrievalStatus: RetrievalState; fileName: string | null; url: string | null } | null;
  fullTextDecisions: number;
  fullTextOutcome: "awaiting" | "conflict" | "included" | "excluded" | null;
  study: StudyWork | null;
};

export const NO_WORK: DependentWork = { report: null, fullTextDecisions: 0, fullTextOutcome: null, study: null };

/** A report still sought, with nothing retrieved and nothing decided, is no work: it goes without asking. */
export function needsConfirmation(work: DependentWork): boolean {
  return (
    (work.report !== null && work.report.retrievalStatus !== "sought") ||
    work.fullTextDecisions > 0 ||
    (work.fullTextOutcome !== null && work.fullTextOutcome !== "awaiting") ||
    work.study !== null
  );
}

/** "an extraction", "2 extractions". */
const count = (n: number, one: string) => (n === 1 ? `${/^[aeiou]/.test(one) ? "an" : "a"} ${one}` : `${n} ${one}s`);
/** "its extraction", "its 2 extractions". */
const its = (n: number, one: string) => (n === 1 ? `its ${one}` : `its ${n} ${one}s`);
const quoted = (text: string) => `“${text}”`;

function listed(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

function studyWork(study: StudyWork): string {
  const work = [
    ...(study.extractions > 0 ? [count(study.extractions, "data extraction")] : []),
    ...(study.appraisals > 0 ? [count(study.appraisals, "appraisal")] : []),
  ];
  return `study ${quoted(study.label)}${work.length > 0 ? ` with ${listed(work)}` : ""}`;
}

/**
 * One sentence naming what depends on the outcome ("This record's report has a PDF and 2 full-text decisions,
 * and is in study “Smith 2019” with an extraction."), or null when nothing does.
 */
export function dependentWorkSummary(work: DependentWork, stage: Stage): string | null {
  if (!needsConfirmation(work)) return null;
  const has: string[] = [];
  if (work.report?.retrievalStatus === "retrieved")
    has.push(work.report.fileName ? "a PDF" : "a link to its full text");
  if (work.report?.retrievalStatus === "not_retrieved") has.push("a full text marked not retrieved");
  if (work.fullTextDecisions > 0) has.push(count(work.fullTextDecisions, "full-text decision"));
  else if (work.fullTextOutcome === "included" || work.fullTextOutcome === "excluded")
    has.push(`a full-text outcome (${work.fullTextOutcome})`);
  const clauses = [
    ...(has.length > 0 ? [`has ${listed(has)}`] : []),
    ...(work.study ? [`is in ${studyWork(work.study)}`] : []),
  ];
  const subject = stage === "title_abstract" ? "This record's report" : "This report";
  return `${subject} ${clauses.join(", and ")}.`;
}

/** What going ahead undoes, one line each, for the confirmation list. */
export function undoLines(work: DependentWork): string[] {
  const lines: string[] = [];
  const report = work.report;
  if (report?.retrievalStatus === "sought")
    lines.push("Its full text is no longer sought (nothing had been retrieved yet).");
  else if (report) {
    const file =
      report.retrievalStatus === "retrieved"
        ? report.fileName
          ? `, and its PDF ${quoted(report.fileName)} is deleted`
          : `, and its link (${report.url ?? "no address"}) with it`
        : ", with its “not retrieved” mark";
    lines.push(`The full-text report is removed from the review${file}.`);
  }
  if (work.fullTextDecisions > 0)
    lines.push(
      `${work.fullTextDecisions === 1 ? "Its full-text decision stops" : `Its ${work.fullTextDecisions} full-text decisions stop`} counting (kept in the record's history).`,
    );
  if (work.fullTextOutcome === "included" || work.fullTextOutcome === "excluded")
    lines.push(`Its full-text outcome (${work.fullTextOutcome}) is withdrawn.`);
  else if (work.fullTextOutcome === "conflict") lines.push("Its open full-text conflict is withdrawn.");
  const study = work.study;
  if (study) {
    const work = [
      ...(study.extractions > 0 ? [its(study.extractions, "data extraction")] : []),
      ...(study.appraisals > 0 ? [its(study.appraisals, "appraisal")] : []),
    ];
    lines.push(
      study.otherReports === 0
        ? `The study ${quoted(study.label)} is deleted, as this is its only report${work.length > 0 ? `, with ${listed(work)}` : ""}.`
        : `It leaves the study ${quoted(study.label)}, which keeps ${listed([its(study.otherReports, "other report"), ...work])}.`,
    );
  }
  return lines;
}

/** The refusal a change without confirmation gets, naming the work and what confirming does. */
export function confirmationMessage(work: DependentWork, stage: Stage, doing: "reopen" | "override"): string {
  const summary = dependentWorkSummary(work, stage) ?? "";
  const verb = doing === "reopen" ? "Reopening it" : "Overriding its verdict";
  return `${summary} ${verb} undoes that work: ${undoLines(work)
    .map((l) => l.replace(/\.$/, ""))
    .map((l) => l.charAt(0).toLowerCase() + l.slice(1))
    .join("; ")}. Confirm to go ahead.`;
}
