"use client";
import { useQuery } from "@tanstack/react-query";
import { ErrorAlert } from "@/app/_components/alerts";
import { DataTable } from "@/app/_components/data-table";
import { EmptyState } from "@/app/_components/empty-state";
import { useTRPC } from "@/app/_components/trpc";
import { formatCount } from "@/app/_lib/format";
import { STAGE_LABELS } from "@/server/shared/stages";
import { KappaPlot } from "./kappa-plot";
import { type AgreementPair, type AgreementStage, VERDICT_LABELS } from "./screening-types";

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
    <DataTable
      className="agreement-matrix"
      caption={`${a?.name ?? ""} (rows) against ${b?.name ?? ""} (columns)`}
      captionClassName="small"
      rows={stage.categories}
      rowKey={(category) => category}
      columns={[
        { key: "verdict", header: null, rowHeader: true, cell: (category) => VERDICT_LABELS[category] },
        ...stage.categories.map((column, j) => ({
          key: column,
          header: VERDICT_LABELS[column],
          numeric: true,
          // Row i, column j: how often the first reviewer said the one and the second the other; agreement on the diagonal.
          className: (_: unknown, i: number) => (i === j ? "agree" : undefined),
          cell: (_: unknown, i: number) => formatCount(pair.table[i]?.[j] ?? 0),
        })),
      ]}
    />
  );
}

function StageAgreement({ stage }: { stage: AgreementStage }) {
  const label = STAGE_LABELS[stage.stage];
  const fleiss = stage.fleiss;
  if (stage.pairs.length === 0 && !fleiss) {
    return (
      <div className="agreement-stage">
        <h3>{label}</h3>
        <EmptyState compact>No two reviewers have screened the same record at this stage yet.</EmptyState>
      </div>
    );
  }
  return (
    <div className="agreement-stage">
      <h3>{label}</h3>
      <DataTable
        scroll
        rows={[
          ...stage.pairs.map((pair) => ({
            key: pair.reviewers.map((r) => r.id).join("-"),
            name: pairName(pair),
            records: pair.records,
            agreement: percentText(pair.percentAgreement),
            kappa: pair.kappa,
            interpretation: pair.interpretation,
          })),
          ...(fleiss
            ? [
                {
                  key: "fleiss",
                  name: `All ${fleiss.raters} reviewers per record (Fleiss' κ)`,
                  records: fleiss.records,
                  agreement: "—",
                  kappa: fleiss.kappa,
                  interpretation: fleiss.interpretation,
                },
              ]
            : []),
        ]}
        rowKey={(row) => row.key}
        columns={[
          { key: "reviewers", header: "Reviewers", rowHeader: true, cell: (row) => row.name },
          { key: "records", header: "Records both screened", numeric: true, cell: (row) => formatCount(row.records) },
          { key: "agreement", header: "Agreement", numeric: true, cell: (row) => row.agreement },
          { key: "kappa", header: "Cohen's κ", numeric: true, cell: (row) => kappaText(row.kappa) },
          {
            key: "interpretation",
            header: "Interpretation",
            className: (row) => (row.kappa === null ? "muted" : undefined),
            cell: (row) => row.interpretation,
          },
        ]}
      />
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
  if (report.isError) return <ErrorAlert>{report.error.message}</ErrorAlert>;
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
