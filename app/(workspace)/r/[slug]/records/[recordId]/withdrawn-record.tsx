"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { ErrorAlert } from "@/app/_components/alerts";
import { useTRPC } from "@/app/_components/trpc";
import { formatDateTime } from "@/app/_lib/format";
import { authorList, citation } from "@/app/(workspace)/r/[slug]/screening/record-view";
import { RawFields, RecordFields } from "./record-fields";
import { RecordHistory } from "./record-history";

interface Props {
  reviewId: string;
  slug: string;
  recordId: string;
  /** What the record page said when it did not find the record among the review's own. */
  notFound: string;
}

/**
 * A record that left the review with a withdrawn import, as the archive keeps it: read-only, for leads. When the
 * id is not an archived record either, the record page's own "not found" stands.
 */
export function WithdrawnRecord({ reviewId, slug, recordId, notFound }: Props) {
  const trpc = useTRPC();
  const page = useQuery({ ...trpc.records.getWithdrawn.queryOptions({ reviewId, recordId }), retry: false });
  if (page.isPending) return <p className="muted">Loading the record…</p>;
  if (page.isError)
    return (
      <>
        <h1>Record</h1>
        <ErrorAlert>{notFound}</ErrorAlert>
      </>
    );
  const { record, withdrawnAt, withdrawnBy, reason } = page.data;
  const cited = citation(record);
  return (
    <article className="record-page" aria-labelledby="record-title">
      <h1 id="record-title" className="record-page-title">
        {record.title || <span className="muted">(no title)</span>}
      </h1>
      <p className="record-authors">{authorList(record.authors)}</p>
      {cited && (
        <p className="record-source">
          <cite>{cited}</cite>
        </p>
      )}
      <div className="alert alert-info" role="note">
        <p>
          <strong>Withdrawn.</strong> This record left the review with its import{" "}
          {page.data.import.fileName && <strong>{page.data.import.fileName}</strong>}
          {withdrawnAt &&
            `, withdrawn ${withdrawnBy ? `by ${withdrawnBy} ` : ""}on ${formatDateTime(new Date(withdrawnAt))}`}
          {reason && <>: “{reason}”</>}. It is kept in the archive and shown here read-only; it is not screened and
          counts nowhere.
        </p>
        <p className="small">
          <Link href={`/r/${slug}/records/withdrawn`}>All withdrawn records</Link>
        </p>
      </div>
      <section className="card" aria-labelledby="abstract-heading">
        <h2 id="abstract-heading">Abstract</h2>
        {record.abstract ? (
          <p className="record-abstract">{record.abstract}</p>
        ) : (
          <p className="muted">This record has no abstract.</p>
        )}
      </section>
      <RecordHistory events={page.data.history} />
      <RecordFields page={page.data} />
      <RawFields raw={record.raw} />
    </article>
  );
}
