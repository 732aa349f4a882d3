import Link from "next/link";
import { STAGE_LABELS } from "@/server/shared/stages";
import { OutcomeBadge, VerdictBadge } from "../record-badges";
import { RETRIEVAL_LABELS, type RecordPageData, type StageView } from "../records-types";
import { SupersededDecisions } from "./superseded-decisions";
import { RecordVerdictActions } from "./verdict-actions";

/** The stage's settled verdict, which a lead may reopen or override; null when it is not settled. */
function settled(view: StageView) {
  if (!view.settledBy || (view.outcome !== "included" && view.outcome !== "excluded")) return null;
  return { status: view.outcome, reason: view.reason, settledBy: view.settledBy };
}

function Stage({
  view,
  merged,
  notYet,
  slug,
  record,
}: {
  view: StageView;
  merged: boolean;
  /** What to say while the record has no outcome at this stage. */
  notYet: string;
  slug: string;
  record: { id: string; title: string };
}) {
  const name = STAGE_LABELS[view.stage];
  return (
    <div className="standing-stage">
      <h3>{name} screening</h3>
      {view.visible ? (
        <>
          <p>
            <OutcomeBadge outcome={view.outcome} merged={merged} none={notYet} />
            {view.reason && <span> {view.reason}</span>}
            {view.automatic && <span className="muted small"> (stopping rule)</span>}
          </p>
          {view.decisions.length > 0 && (
            <ul className="plain-list">
              {view.decisions.map((d) => (
                <li key={d.reviewer}>
                  {d.reviewer}: <VerdictBadge verdict={d.verdict} />
                  {d.reason && <span className="small"> {d.reason}</span>}
                  {d.note && <span className="small muted"> “{d.note}”</span>}
                </li>
              ))}
            </ul>
          )}
          <SupersededDecisions decisions={view.superseded} headingId={`superseded-${view.stage}`} />
          {view.conflict && (
            <p className="small">
              Conflict {view.conflict.status}
              {view.conflict.resolvedBy && ` by ${view.conflict.resolvedBy}`}
              {view.conflict.note && `: “${view.conflict.note}”`}
            </p>
          )}
          {view.override && (
            <p className="small">
              Verdict overridden by {view.override.by}
              {view.override.note && `: “${view.override.note}”`}
            </p>
          )}
          <RecordVerdictActions
            slug={slug}
            recordId={record.id}
            title={record.title}
            stage={view.stage}
            current={merged ? null : settled(view)}
          />
        </>
      ) : (
        <>
          <p>
            Your decision:{" "}
            {view.myDecision ? (
              <>
                <VerdictBadge verdict={view.myDecision.verdict} />
                {view.myDecision.reason && <span className="small"> {view.myDecision.reason}</span>}
              </>
            ) : (
              <span className="muted">none</span>
            )}
          </p>
          <SupersededDecisions decisions={view.superseded} headingId={`superseded-${view.stage}`} />
          <p className="small muted">
            This stage is blinded: you see your own decision only, not the outcome or anyone else's.
          </p>
        </>
      )}
    </div>
  );
}

/** Where the record stands: duplicates, each stage, its full text and study. */
export function RecordStanding({ page, slug }: { page: RecordPageData; slug: string }) {
  const { duplicates, fullText } = page;
  const merged = duplicates.mergedInto !== null;
  const inFullText = page.stages[0]?.outcome === "included" && fullText?.retrievalStatus === "retrieved";
  const link = (r: { id: string; title: string }) => (
    <Link href={`/r/${slug}/records/${r.id}`}>{r.title || "(no title)"}</Link>
  );
  return (
    <section className="card" aria-labelledby="standing-heading">
      <h2 id="standing-heading">Where it stands</h2>
      <div className="standing">
        <div className="standing-stage">
          <h3>Duplicates</h3>
          {merged && duplicates.mergedInto ? (
            <p>Merged into {link(duplicates.mergedInto)} as its duplicate, so it is not screened.</p>
          ) : duplicates.mergedHere.length === 0 && duplicates.pending.length === 0 ? (
            <p className="muted">None found.</p>
          ) : null}
          {duplicates.mergedHere.length > 0 && (
            <>
              <p>Its duplicates, merged into it:</p>
              <ul className="plain-list">
                {duplicates.mergedHere.map((r) => (
                  <li key={r.id}>{link(r)}</li>
                ))}
              </ul>
            </>
          )}
          {duplicates.pending.length > 0 && (
            <p>
              Possibly the same as{" "}
              {duplicates.pending.map((p, i) => (
                <span key={p.pairId}>
                  {i > 0 && ", "}
                  {link(p.other)}
                </span>
              ))}
              : <Link href={`/r/${slug}/duplicates`}>decide on the Duplicates page</Link>.
            </p>
          )}
        </div>
        {page.stages.map((view) => (
          <Stage
            key={view.stage}
            view={view}
            merged={merged}
            notYet={view.stage === "title_abstract" || inFullText ? "Not screened yet" : "Not in full-text screening"}
            slug={slug}
            record={page.record}
          />
        ))}
        {fullText && (
          <div className="standing-stage">
            <h3>Full-text document</h3>
            <p>
              {RETRIEVAL_LABELS[fullText.retrievalStatus]}
              {fullText.fileName && <span className="small"> ({fullText.fileName})</span>}
              {fullText.url && (
                <span className="small">
                  {" "}
                  <a href={fullText.url} target="_blank" rel="noreferrer">
                    link<span className="visually-hidden"> (opens in a new tab)</span>
                  </a>
                </span>
              )}
              {fullText.note && <span className="small muted"> “{fullText.note}”</span>}
            </p>
            {fullText.study && <p>Study: {fullText.study.label}</p>}
          </div>
        )}
      </div>
    </section>
  );
}
