import type { Metadata } from "next";
import Link from "next/link";
import { InfoAlert } from "@/app/_components/alerts";
import { NoAccess } from "@/app/_components/no-access";
import { memberReview } from "@/app/_lib/review-access";
import { mayChange } from "@/app/_lib/review-changes";
import { ImportList } from "./import-list";
import { SearchSummary } from "./search-summary";
import { UploadForm } from "./upload-form";

export const metadata: Metadata = { title: "Import" };

interface Props {
  params: Promise<{ slug: string }>;
}

export default async function ImportPage({ params }: Props) {
  const { slug } = await params;
  const review = await memberReview(slug, `/r/${slug}/import`);
  if (!review) return <NoAccess />;
  const canImport = mayChange(review, "lead");
  return (
    <>
      <h1>Import</h1>
      <div className="intro">
        <p>
          Sift reads the exports of your searches: RIS, PubMed MEDLINE (.nbib) and PubMed XML, EndNote XML, BibTeX, CSV
          and tab-separated files from Rayyan, Covidence, Scopus, Embase and others, Web of Science files, and
          ClinicalTrials.gov JSON or CSV downloads. It recognises the format from the file&apos;s content.
        </p>
        <p>
          Each file is imported whole or not at all: if reading it fails, none of its records enter the review. A single
          record that cannot be read is skipped and listed with its line in the file. After each import, Sift looks for
          duplicates automatically; pairs it is unsure about wait for you under{" "}
          <Link href={`/r/${slug}/duplicates`}>Duplicates</Link>. A file the review already holds is not imported again
          until a lead says so.
        </p>
        <p>
          A lead can withdraw a file imported by mistake: its records leave the review (they stay in the audit trail),
          duplicates merged with them are put right, and Sift shows first what that changes.
        </p>
      </div>
      {canImport ? (
        <section className="card">
          <h2>Import files</h2>
          <UploadForm reviewId={review.id} />
        </section>
      ) : (
        !review.archivedAt && (
          <InfoAlert>
            <p>Only the review&apos;s leads and owners can import records. Below is what has been imported so far.</p>
          </InfoAlert>
        )
      )}
      <section className="imports">
        <h2>Imports</h2>
        <ImportList reviewId={review.id} canImport={canImport} />
      </section>
      <section className="search-log">
        <h2>Search log</h2>
        <p className="intro">
          The searches behind the review, as PRISMA-S asks them to be reported: each database with its platform, the
          date, the search string and any limits, and the records it brought. The PRISMA diagram counts records per
          database from this log.{canImport && " Correct an entry with “Search details” in the list above."}
        </p>
        <SearchSummary reviewId={review.id} />
      </section>
    </>
  );
}
