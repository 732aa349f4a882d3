"use client";
import { useQuery } from "@tanstack/react-query";
import { STAGE_LABELS } from "@/server/reviews/review-settings";
import { ErrorAlert } from "@/app/_components/form-alerts";
import { useTRPC } from "@/app/_components/trpc";
import { formatCount } from "@/app/_lib/format";
import { KappaPlot } from "./kappa-plot";
import { VERDICT_LABELS, type AgreementPair, type AgreementStage } from "./screening-types";

function kappaText(kappa: number | null): string {
  return kappa === null ? "not computable" : kappa.toFixed(2).replace("-", "−");
}

function percentText(share: number | null): string {
  return share === null ? "—" : `${Math.round(share * 100)} %`;
}

function pairName(pair: AgreementPair): string {
  return pair.reviewers.map((r) => r.name).join(" and ");
}

/** Rows: the first reviewer's verdicts; columns: the second's. */
function ComparisonTable({ pair, stage }: { pair: AgreementPair; stage: AgreementStage }) {
  const [a, b] = pair.reviewers;
  return (
    <table className="data agreement-matrix">
      <caption className="small">
        {a?.name} (rows) against {b?.name} (columns)
      </caption>
      <thead>
        <tr>
          <td />
          {stage.categories.map((c) => (
            <th key={c} scope="col" className="num">
              {VERDICT_LABELS[c]}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {stage.categories.map((row, i) => (
          <tr key={row}>
            <th scope="row">{VERDICT_LABELS[row]}</th>
            {stage.categories.map((col, j) => (
              <td key={col} className={i === j ? "num agree" : "num"}>
                {formatCount(pair.table[i]?.[j] ?? 0)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function StageAgreement({ stage }: { stage: AgreementStage }) {
  const label = STAGE_LABELS[stage.stage];
  const fleiss = stage.fleiss;
  if (stage.pairs.length === 0 && !fleiss) {
    return (
      <div className="agreement-stage">
        <h3>{label}</h3>
        <p className="muted">No two reviewers have screened the same record at this stage yet.</p>
      </div>
    );
  }
  return (
    <div className="agreement-stage">
      <h3>{label}</h3>
      <div className="table-scroll">
        <table className="data">
          <thead>
            <tr>
              <th scope="col">Reviewers</th>
              <th scope="col" className="num">
                Records both screened
              </th>
              <th scope="col" className="num">
                Agreement
              </th>
              <th scope="col" className="num">
                Cohen&apos;s κ
              </th>
              <th scope="col">Interpretation</th>
            </tr>
          </thead>
          <tbody>
            {stage.pairs.map((pair) => (
              <tr key={pair.reviewers.map((r) => r.id).join("-")}>
                <th scope="row">{pairName(pair)}</th>
                <td className="num">{formatCount(pair.records)}</td>
                <td className="num">{percentText(pair.percentAgreement)}</td>
                <td className="num">{kappaText(pair.kappa)}</td>
                <td className={pair.kappa === null ? "muted" : undefined}>{pair.interpretation}</td>
              </tr>
            ))}
            {fleiss && (
              <tr>
                <th scope="row">All {fleiss.raters} reviewers per record (Fleiss&apos; κ)</th>
                <td className="num">{formatCount(fleiss.records)}</td>
                <td className="num">—</td>
                <td className="num">{kappaText(fleiss.kappa)}</td>
                <td className={fleiss.kappa === null ? "muted" : undefined}>{fleiss.interpretation}</td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      {stage.pairs.length > 0 && (
        <KappaPlot
          caption={`Cohen's kappa per pair of reviewers, ${label.toLowerCase()}`}
          bars={stage.pairs.map((p) => ({
            label: pairName(p),
            lines: [p.reviewers[0]?.name ?? "?", `and ${p.reviewers[1]?.name ?? "?"}`],
            kappa: p.kappa,
            interpretation: p.interpretation,
          }))}
        />
      )}
      {stage.pairs.map((pair) => (
        <details key={pair.reviewers.map((r) => r.id).join("-")} className="agreement-details">
          <summary>Decisions compared: {pairName(pair)}</summary>
          <ComparisonTable pair={pair} stage={stage} />
        </details>
      ))}
    </div>
  );
}

/** Inter-rater agreement for leads: how far reviewers agree beyond chance, per stage. */
export function AgreementPanel({ reviewId }: { reviewId: string }) {
  const trpc = useTRPC();
  const report = useQuery(trpc.screening.agreement.queryOptions({ reviewId }, { staleTime: 0 }));
  if (report.isPending) return <p className="muted">Loading agreement…</p>;
  if (report.isError) return <ErrorAlert message={report.error.message} />;
  return (
    <>
      <p className="muted small">
        Over the records both reviewers of a pair decided: the share of identical decisions, and Cohen&apos;s kappa,
        which discounts the agreement expected by chance (Include, Exclude and Maybe as three categories). A kappa is
        not computable when every decision falls in one category. Interpretation after Landis and Koch (1977).
      </p>
      {report.data.map((stage) => (
        <StageAgreement key={stage.stage} stage={stage} />
      ))}
    </>
  );
}
