import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "@/app/_components/empty-state";
import { NoAccess } from "@/app/_components/no-access";
import { memberReview } from "@/app/_lib/review-access";
import { mayChange } from "@/app/_lib/review-changes";
import {
  isPerResult,
  plottedOutcomes,
  rowsForOutcome,
  summaryBarSvg,
  TOOL_NAMES,
  TOOLS,
  trafficLightSvg,
} from "@/server/api/contract/appraisal";
import { serverCaller } from "@/server/api/server-caller";
import { hasRole } from "@/server/shared/roles";
import { AppraisersSetting } from "./appraisers-setting";
import { StudiesTable } from "./studies-table";

export const metadata: Metadata = { title: "Appraisal" };

interface Props {
  params: Promise<{ slug: string }>;
  /** RoB 2 and ROBINS-I plot one outcome at a time: `outcome_rob2`, `outcome_robins_i`. */
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function AppraisalPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const query = await searchParams;
  const review = await memberReview(slug, `/r/${slug}/appraisal`);
  if (!review) return <NoAccess />;
  const caller = await serverCaller();
  const input = { reviewId: review.id };
  const overview = await caller.appraisal.overview(input);
  const results = await Promise.all(
    TOOL_NAMES.map(async (tool) => ({ tool, rows: await caller.appraisal.results({ ...input, tool }) })),
  );
  const canLead = hasRole(review.myRole, "lead");
  const api = `/api/reviews/${review.id}/appraisal`;
  // A per-result tool's plots show the outcome chosen (the first judged by default); the others plot every study.
  const plotted = results
    .filter((r) => r.rows.length > 0)
    .map(({ tool, rows }) => {
      if (!isPerResult(tool)) return { tool, rows, outcomes: [], outcome: null };
      const outcomes = plottedOutcomes(rows);
      const asked = query[`outcome_${tool}`];
      const outcome = outcomes.find((o) => o.id === asked) ?? outcomes[0]!;
      return { tool, rows: rowsForOutcome(rows, outcome.id), outcomes, outcome };
    });
  const outcomeParam = (outcome: { id: string } | null) =>
    outcome ? `&outcome=${encodeURIComponent(outcome.id)}` : "";

  return (
    <>
      <h1>Appraisal</h1>
      <p className="intro">
        Each study is appraised with the risk-of-bias tool its design calls for (RoB 2 for randomised trials, ROBINS-I
        for non-randomised studies, SYRCLE for animal studies) and for the validity of its conclusions.{" "}
        {overview.appraisersPerStudy === 2
          ? "Two people appraise each study without seeing each other's answers; a lead then records the consensus."
          : "One person appraises each study; completing it records the result."}
      </p>
      {mayChange(review, "lead") && <AppraisersSetting reviewId={review.id} value={overview.appraisersPerStudy} />}
      {overview.studies.length === 0 ? (
        <EmptyState
          card
          actions={
            <Link className="btn btn-primary" href={`/r/${slug}/studies`}>
              Go to Studies
            </Link>
          }
        >
          <strong>No studies yet.</strong> Group the included reports into studies first.
        </EmptyState>
      ) : (
        <section className="card">
          <h2>Studies</h2>
          <StudiesTable slug={slug} overview={overview} />
        </section>
      )}
      <section className="card">
        <h2>Results</h2>
        {plotted.length === 0 ? (
          <EmptyState compact>The plots appear here once a consensus is recorded for a study.</EmptyState>
        ) : (
          plotted.map(({ tool, rows, outcomes, outcome }) => (
            <section key={tool} aria-labelledby={`plot-${tool}`}>
              <h3 id={`plot-${tool}`}>
                {TOOLS[tool].label}
                {outcome && `: ${outcome.name}`}
              </h3>
              {outcome && (
                <form className="inline-form plot-outcome" method="get">
                  {plotted
                    .filter((p) => p.tool !== tool && p.outcome)
                    .map((p) => (
                      <input key={p.tool} type="hidden" name={`outcome_${p.tool}`} value={p.outcome!.id} />
                    ))}
                  <div className="field">
                    <label htmlFor={`outcome-${tool}`}>Outcome</label>
                    <select id={`outcome-${tool}`} name={`outcome_${tool}`} defaultValue={outcome.id}>
                      {outcomes.map((o) => (
                        <option key={o.id} value={o.id}>
                          {o.name} ({o.studies} {o.studies === 1 ? "result" : "results"})
                        </option>
                      ))}
                    </select>
                  </div>
                  <button type="submit" className="btn btn-secondary btn-small">
                    Show
                  </button>
                </form>
              )}
              <div
                className="plot"
                data-testid={`traffic-light-${tool}`}
                dangerouslySetInnerHTML={{ __html: trafficLightSvg(TOOLS[tool], rows) }}
              />
              <p className="small">
                Traffic-light plot:{" "}
                <a href={`${api}/plots/${tool}?kind=traffic-light&format=svg&download=1${outcomeParam(outcome)}`}>
                  SVG
                </a>{" "}
                · <a href={`${api}/plots/${tool}?kind=traffic-light&format=png${outcomeParam(outcome)}`}>PNG</a>
              </p>
              <div
                className="plot"
                data-testid={`summary-${tool}`}
                dangerouslySetInnerHTML={{ __html: summaryBarSvg(TOOLS[tool], rows) }}
              />
              <p className="small">
                Summary (each {outcome ? "result" : "study"} weighted equally):{" "}
                <a href={`${api}/plots/${tool}?kind=summary&format=svg&download=1${outcomeParam(outcome)}`}>SVG</a> ·{" "}
                <a href={`${api}/plots/${tool}?kind=summary&format=png${outcomeParam(outcome)}`}>PNG</a> ·{" "}
                <a href={`${api}/export?format=csv&layout=wide&tool=${tool}`}>
                  CSV, one row per {outcome ? "result (every outcome)" : "study"}
                </a>
              </p>
            </section>
          ))
        )}
      </section>
      <section className="card">
        <h2>Download appraisal data</h2>
        <p>
          Consensus values: <a href={`${api}/export?format=xlsx`}>XLSX (a sheet per tool and every item)</a> ·{" "}
          <a href={`${api}/export?format=csv&layout=long`}>CSV, every item (long format)</a>
        </p>
        {canLead && (
          <p>
            Each appraiser&apos;s own values (studies whose appraisers have all completed):{" "}
            <a href={`${api}/export?format=xlsx&source=appraisers`}>XLSX</a> ·{" "}
            <a href={`${api}/export?format=csv&layout=long&source=appraisers`}>CSV, every item</a>
          </p>
        )}
      </section>
    </>
  );
}
