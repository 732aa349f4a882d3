import type { Metadata } from "next";
import { DataTable } from "@/app/_components/data-table";
import { NoAccess } from "@/app/_components/no-access";
import { RoleBadge } from "@/app/_components/role-badge";
import { memberReview, reviewAccess } from "@/app/_lib/review-access";
import { STAGE_LABELS, STAGES } from "@/server/shared/stages";
import { OverviewDashboard } from "./overview-dashboard";

interface Props {
  params: Promise<{ slug: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const access = await reviewAccess((await params).slug);
  return { title: access.kind === "member" ? access.review.title : "Review" };
}

function Criteria({ title, text }: { title: string; text: string }) {
  return (
    <section className="card">
      <h2>{title}</h2>
      {text ? <p className="pre-wrap">{text}</p> : <p className="muted">Not written yet.</p>}
    </section>
  );
}

export default async function ReviewOverviewPage({ params }: Props) {
  const { slug } = await params;
  const review = await memberReview(slug, `/r/${slug}`);
  if (!review) return <NoAccess />;
  return (
    <>
      <div className="page-header">
        <h1>{review.title}</h1>
        <span>
          Your role: <RoleBadge role={review.myRole} />
        </span>
      </div>
      <ul className="stats" aria-label="Counts">
        <li>
          <strong>{review._count.records}</strong> records imported
        </li>
        <li>
          <strong>{review._count.imports}</strong> imports
        </li>
        <li>
          <strong>{review._count.memberships}</strong> members
        </li>
      </ul>
      <OverviewDashboard reviewId={review.id} slug={slug} />
      <Criteria title="Review question" text={review.question} />
      <div className="grid-2">
        <Criteria title="Inclusion criteria" text={review.inclusionCriteria} />
        <Criteria title="Exclusion criteria" text={review.exclusionCriteria} />
      </div>
      <section className="card">
        <h2>Screening set-up</h2>
        <DataTable
          scroll
          rows={STAGES.map((stage) => ({ stage, settings: review.stageSettings.find((s) => s.stage === stage) }))}
          rowKey={(row) => row.stage}
          columns={[
            { key: "stage", header: "Stage", rowHeader: true, cell: (row) => STAGE_LABELS[row.stage] },
            {
              key: "reviewers",
              header: "Reviewers per record",
              numeric: true,
              // A stage without settings says so once, across the three columns.
              cellProps: (row) => (row.settings ? {} : { colSpan: 3 }),
              className: (row) => (row.settings ? undefined : "muted"),
              cell: (row) => row.settings?.reviewersPerRecord ?? "Not configured",
            },
            { key: "blinding", header: "Blinding", cell: (row) => (row.settings?.blinded ? "Blinded" : "Not blinded") },
            {
              key: "reason",
              header: "Exclusion reason",
              cell: (row) => (row.settings?.reasonRequired ? "Required" : "Optional"),
            },
          ]}
        />
      </section>
    </>
  );
}
