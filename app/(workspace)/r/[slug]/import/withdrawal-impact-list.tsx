import { formatCount, plural } from "@/app/_lib/format";
import type { AffectedStudy, WithdrawalImpact } from "@/server/api/contract/import";

/** "1 record leaves", "2 records leave". */
function counted(n: number, noun: string, verb: [singular: string, plural: string]): string {
  return `${plural(n, noun)} ${n === 1 ? verb[0] : verb[1]}`;
}

function studyLine(s: AffectedStudy) {
  const work = [
    s.extractions > 0 && plural(s.extractions, "extraction"),
    s.appraisals > 0 && plural(s.appraisals, "appraisal"),
  ].filter(Boolean);
  if (s.reportsLeft === 0) {
    return (
      <>
        Study <strong>{s.label}</strong> has no other report and leaves the review
        {work.length > 0 ? (
          <>
            {" "}
            with its {work.join(" and ")}: <strong>this work is undone</strong>.
          </>
        ) : (
          "."
        )}
      </>
    );
  }
  return (
    <>
      Study <strong>{s.label}</strong> keeps {plural(s.reportsLeft, "other report")}
      {work.length > 0
        ? `; its ${work.join(" and ")} stay, but check them: they may draw on the withdrawn report.`
        : "."}
    </>
  );
}

/** Everything a withdrawal would change, in the order a clinician would ask about it. */
export function WithdrawalImpactList({ impact }: { impact: WithdrawalImpact }) {
  const decisions = impact.decisions.title_abstract + impact.decisions.full_text;
  const settled = impact.settled.title_abstract + impact.settled.full_text;
  const repointed = impact.mergedIntoThese - impact.comeBackAsOwn;
  return (
    <ul className="impact-list">
      <li>
        <strong>{counted(impact.records, "record", ["leaves", "leave"])}</strong> the review: no longer screened,
        counted or exported.
        {impact.duplicatesRemoved > 0 &&
          ` (${formatCount(impact.duplicatesRemoved)} of them were duplicates of records from other imports.)`}{" "}
        {impact.records === 1 ? "It stays" : "They stay"} in the audit trail and in review bundles, and the file stays
        listed as withdrawn.
      </li>
      {impact.mergedIntoThese > 0 && (
        <li>
          <strong>Duplicates:</strong> {plural(impact.mergedIntoThese, "record")} from other imports had been merged
          into these.{" "}
          {impact.comeBackAsOwn === 1
            ? "One comes back as a record of its own, to be screened"
            : `${formatCount(impact.comeBackAsOwn)} come back as records of their own, to be screened`}
          {repointed > 0
            ? `; the other ${formatCount(repointed)} are merged into ${impact.comeBackAsOwn === 1 ? "it" : "those"} instead.`
            : "."}
        </li>
      )}
      {impact.donatedFields > 0 && (
        <li>
          {plural(impact.donatedFields, "field")} of records from other imports, filled from these when duplicates were
          merged, {impact.donatedFields === 1 ? "is" : "are"} emptied again.
        </li>
      )}
      {impact.pendingPairs > 0 && (
        <li>
          {plural(impact.pendingPairs, "possible duplicate pair")} waiting for a decision{" "}
          {impact.pendingPairs === 1 ? "disappears" : "disappear"}.
        </li>
      )}
      <li>
        <strong>Screening:</strong>{" "}
        {decisions === 0 ? (
          "nobody has screened these records yet."
        ) : (
          <>
            {plural(impact.decisions.title_abstract, "title/abstract decision")} and{" "}
            {plural(impact.decisions.full_text, "full-text decision")} stop counting (outcomes, conflicts, agreement,
            progress and the “likely relevant first” ranking).
            {settled > 0 &&
              ` Settled outcomes go with them: ${formatCount(impact.settled.title_abstract)} at title/abstract, ${formatCount(impact.settled.full_text)} at full text.`}
            {impact.openConflicts > 0 && ` ${counted(impact.openConflicts, "open conflict", ["closes", "close"])}.`}
          </>
        )}
      </li>
      {impact.reports > 0 && (
        <li>
          <strong>Full text:</strong> {counted(impact.reports, "report", ["leaves", "leave"])} full-text screening
          {impact.pdfs > 0 ? ` (${formatCount(impact.pdfs)} with a PDF, kept with the withdrawn file).` : "."}
        </li>
      )}
      {impact.studies.map((s) => (
        <li key={s.id}>{studyLine(s)}</li>
      ))}
      <li>
        <strong>PRISMA:</strong> records identified from {impact.source} go from{" "}
        {formatCount(impact.identified.sourceBefore)} to {formatCount(impact.identified.sourceAfter)}; from all sources,
        from {formatCount(impact.identified.reviewBefore)} to {formatCount(impact.identified.reviewAfter)}.
      </li>
    </ul>
  );
}
