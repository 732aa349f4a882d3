import { formatDateTime } from "@/app/_lib/format";
import { serverCaller } from "@/server/api/server-caller";
import { STAGE_LABELS, STAGES } from "@/server/shared/stages";

const PART_LABELS = {
  criteria: "inclusion or exclusion criteria",
  exclusion_reasons: "exclusion reasons",
  keywords: "highlighted keywords",
} as const;

/**
 * Every saved version of the criteria, newest first: what each edit changed, who made it and when, and the
 * criteria as they then read. Calibration rounds name the version they were screened under.
 */
export async function CriteriaHistory({ reviewId }: { reviewId: string }) {
  const versions = await (await serverCaller()).calibration.criteriaHistory({ reviewId });
  return (
    <section className="card criteria-history" aria-labelledby="criteria-history">
      <h2 id="criteria-history">History of the criteria</h2>
      <p className="small muted">
        Each edit of the criteria, the exclusion reasons or the highlighted keywords is kept as a version.
      </p>
      <ul className="criteria-versions">
        {versions.map((v) => (
          <li key={v.id}>
            <details>
              <summary>
                <strong>Version {v.number}</strong>{" "}
                {v.changed.length
                  ? `changed the ${v.changed.map((part) => PART_LABELS[part]).join(" and the ")}`
                  : "the criteria as first saved"}
                <span className="muted small">
                  {" "}
                  by {v.by}, {formatDateTime(v.createdAt)}
                </span>
              </summary>
              <dl className="criteria-version">
                <dt>Inclusion criteria</dt>
                <dd className="pre-wrap">{v.inclusionCriteria || "None written."}</dd>
                <dt>Exclusion criteria</dt>
                <dd className="pre-wrap">{v.exclusionCriteria || "None written."}</dd>
                {STAGES.map((stage) => (
                  <div key={stage}>
                    <dt>Exclusion reasons, {STAGE_LABELS[stage].toLowerCase()}</dt>
                    <dd>{v.exclusionReasons[stage]?.join("; ") || "None."}</dd>
                  </div>
                ))}
                <dt>Highlighted keywords</dt>
                <dd>
                  Inclusion: {v.includeKeywords.join(", ") || "none"}. Exclusion:{" "}
                  {v.excludeKeywords.join(", ") || "none"}.
                </dd>
              </dl>
            </details>
          </li>
        ))}
      </ul>
    </section>
  );
}
