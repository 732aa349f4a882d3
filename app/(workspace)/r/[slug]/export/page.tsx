import type { Metadata } from "next";
import Link from "next/link";
import { NoAccess } from "@/app/_components/no-access";
import { memberReview } from "@/app/_lib/review-access";
import { hasRole } from "@/server/shared/roles";
import { ExportForm } from "./export-form";
import { ExportList } from "./export-list";

export const metadata: Metadata = { title: "Export" };

interface Props {
  params: Promise<{ slug: string }>;
}

export default async function ExportPage({ params }: Props) {
  const { slug } = await params;
  const review = await memberReview(slug, `/r/${slug}/export`);
  if (!review) return <NoAccess />;
  const isLead = hasRole(review.myRole, "lead");
  return (
    <>
      <h1>Export</h1>
      <div className="intro">
        <p>
          Export the records of a stage with their final decisions and exclusion reasons as CSV or Excel, or as RIS to
          take the included records back to Zotero, EndNote or Mendeley. Sift builds each file in the background, so
          large reviews export without waiting on this page; your files stay listed below for download. To export only
          some records, such as those a search finds, select them in <Link href={`/r/${slug}/records`}>Records</Link>{" "}
          and export them from there.
        </p>
        <p>
          Spreadsheet cells that begin with <code>=</code>, <code>+</code>, <code>-</code> or <code>@</code> are
          prefixed with an apostrophe, so a title can never run as a formula when the file is opened.
        </p>
        {!isLead && (
          <p>
            The decision log, conflicts, agreement report and whole-review bundle show every reviewer&apos;s own
            decisions, so only leads and owners can export them. While screening is blinded, your records export shows
            only the decisions a lead has resolved, and records you export from Records show no decisions of that stage,
            as Records shows them to you.
          </p>
        )}
      </div>
      <section className="card">
        <h2>New export</h2>
        <ExportForm reviewId={review.id} isLead={isLead} />
      </section>
      <section className="exports">
        <h2>Your exports</h2>
        <ExportList reviewId={review.id} />
      </section>
    </>
  );
}
