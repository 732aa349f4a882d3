"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useMemo } from "react";
import { ErrorAlert } from "@/app/_components/alerts";
import { useTRPC } from "@/app/_components/trpc";
import { keywordMatcher } from "@/app/(workspace)/r/[slug]/screening/highlight";
import { authorList, citation, Highlighted, RecordLinks } from "@/app/(workspace)/r/[slug]/screening/record-view";
import { recordTypeLabel } from "@/server/shared/record-types";
import { RawFields, RecordFields } from "./record-fields";
import { RecordHistory } from "./record-history";
import { RecordStanding } from "./record-standing";
import { RecordTeam } from "./record-team";
import { WithdrawnRecord } from "./withdrawn-record";

interface Props {
  reviewId: string;
  slug: string;
  recordId: string;
  backHref: string;
  keywords: { include: string[]; exclude: string[] };
  canScreen: boolean;
  canLead: boolean;
}

/** One record: what it says, with the review's keywords marked, where it stands, and everything that happened to it. */
export function RecordScreen({ reviewId, slug, recordId, backHref, keywords, canScreen, canLead }: Props) {
  const trpc = useTRPC();
  const page = useQuery(trpc.records.get.queryOptions({ reviewId, recordId }));
  const matcher = useMemo(
    () => keywordMatcher(keywords.include, keywords.exclude),
    [keywords.include, keywords.exclude],
  );
  const back = (
    <p className="back-link">
      <Link href={backHref}>← Records</Link>
    </p>
  );
  if (page.isPending)
    return (
      <>
        {back}
        <p className="muted">Loading the record…</p>
      </>
    );
  if (page.isError)
    return (
      <>
        {back}
        {canLead && page.error.data?.code === "NOT_FOUND" ? (
          // A record that left with a withdrawn import is no longer the review's, but a lead may still look it up.
          <WithdrawnRecord reviewId={reviewId} slug={slug} recordId={recordId} notFound={page.error.message} />
        ) : (
          <>
            <h1>Record</h1>
            <ErrorAlert>{page.error.message}</ErrorAlert>
          </>
        )}
      </>
    );
  const { record } = page.data;
  const cited = citation(record);
  return (
    <>
      {back}
      <article className="record-page" aria-labelledby="record-title">
        <h1 id="record-title" className="record-page-title">
          {record.title ? (
            <Highlighted text={record.title} matcher={matcher} />
          ) : (
            <span className="muted">(no title)</span>
          )}
        </h1>
        <p className="record-authors">{authorList(record.authors)}</p>
        {(cited || record.type) && (
          <p className="record-source">
            {cited && <cite>{cited}</cite>}
            {record.type && <span className="muted"> · {recordTypeLabel(record.type)}</span>}
          </p>
        )}
        <RecordLinks record={record} />
        {matcher && (
          <p className="keyword-legend small">
            <mark className="kw kw-include">Inclusion keywords</mark> and{" "}
            <mark className="kw kw-exclude">exclusion keywords</mark> of the review are marked.
          </p>
        )}
        <section className="card" aria-labelledby="abstract-heading">
          <h2 id="abstract-heading">Abstract</h2>
          {record.abstract ? (
            <p className="record-abstract">
              <Highlighted text={record.abstract} matcher={matcher} />
            </p>
          ) : (
            <p className="muted">This record has no abstract.</p>
          )}
          {record.keywords.length > 0 && (
            <p className="record-keywords">
              <span className="muted">Keywords: </span>
              <Highlighted text={record.keywords.join("; ")} matcher={matcher} />
            </p>
          )}
        </section>
        <RecordStanding page={page.data} slug={slug} />
        <RecordTeam reviewId={reviewId} slug={slug} recordId={recordId} canScreen={canScreen} canLead={canLead} />
        <RecordHistory events={page.data.history} />
        <RecordFields page={page.data} />
        <RawFields raw={record.raw} />
      </article>
    </>
  );
}
