"use client";
import Link from "next/link";
import { ErrorAlert, InfoAlert } from "@/app/_components/alerts";
import { type Column, DataTable } from "@/app/_components/data-table";
import { EmptyState } from "@/app/_components/empty-state";
import { Pager } from "@/app/_components/pager";
import { formatCount } from "@/app/_lib/format";
import { LabelChip } from "../_labels/label-chip";
import { paramsFromState } from "./browse-params";
import { OutcomeBadge, VerdictBadge } from "./record-badges";
import type { RecordListItem } from "./records-types";
import { RETRIEVAL_LABELS } from "./records-types";
import type { RecordBrowser } from "./use-record-browser";

const SEARCH_NOTES = {
  doi: "Looked up by DOI.",
  pmid: "Looked up by PubMed id (PMID).",
  nct: "Looked up by ClinicalTrials.gov number.",
} as const;

function byline(item: RecordListItem): string {
  const authors =
    item.authors.length === 0
      ? ""
      : `${item.authors.join("; ")}${item.authorCount > item.authors.length ? " et al." : ""}`;
  return [authors, item.year, item.journal].filter(Boolean).join(" · ");
}

function MyDecisions({ item }: { item: RecordListItem }) {
  const { title_abstract: ta, full_text: ft } = item.myDecisions;
  if (!ta && !ft) return null;
  return (
    <span className="badge-stack">
      {ta && (
        <span>
          <span className="visually-hidden">Title and abstract: </span>
          <VerdictBadge verdict={ta} prefix="T/A" />
        </span>
      )}
      {ft && (
        <span>
          <span className="visually-hidden">Full text: </span>
          <VerdictBadge verdict={ft} prefix="FT" />
        </span>
      )}
    </span>
  );
}

interface Props {
  browser: RecordBrowser;
  slug: string;
}

/** The page of records, with where the list is and the way to the next page. */
export function RecordResults({ browser, slug }: Props) {
  const { list, state, update, isSelected, toggle, pages } = browser;
  if (list.isPending) return <p className="muted">Loading records…</p>;
  if (list.isError) return <ErrorAlert>{list.error.message}</ErrorAlert>;
  const data = list.data;
  const from = paramsFromState(state).toString();
  const href = (id: string) => `/r/${slug}/records/${id}${from ? `?from=${encodeURIComponent(from)}` : ""}`;
  const first = data.total === 0 ? 0 : data.offset + 1;
  const last = Math.min(data.offset + data.items.length, data.total);
  const pageIds = data.items.map((i) => i.id);
  const allOnPage = pageIds.length > 0 && pageIds.every(isSelected);

  const columns: (Column<RecordListItem> | false)[] = [
    {
      key: "select",
      header: (
        <input
          type="checkbox"
          aria-label="Select the records on this page"
          checked={allOnPage}
          onChange={(event) => toggle(pageIds, event.target.checked)}
        />
      ),
      cell: (item) => (
        <input
          type="checkbox"
          aria-label={`Select ${item.title || "this untitled record"}`}
          checked={isSelected(item.id)}
          onChange={(event) => toggle([item.id], event.target.checked)}
        />
      ),
      className: "select-cell",
    },
    {
      key: "record",
      header: "Record",
      rowHeader: true,
      cell: (item) => (
        <>
          <Link className="record-link" href={href(item.id)}>
            {item.title || <span className="muted">(no title)</span>}
          </Link>
          <span className="record-byline">{byline(item)}</span>
          <span className="record-meta">
            {item.source}
            {item.duplicate === "merged" && <span className="badge badge-merged">Merged duplicate</span>}
            {item.duplicate === "pending" && <span className="badge badge-pending">Possible duplicate</span>}
          </span>
          {item.labels.length > 0 && (
            <span className="record-labels-row">
              <span className="visually-hidden">Labels: </span>
              {item.labels.map((l) => (
                <LabelChip key={l.id} name={l.name} colour={l.colour} />
              ))}
            </span>
          )}
        </>
      ),
    },
    {
      key: "mine",
      header: "Yours",
      headerTitle: "Your own decisions at each stage",
      cell: (item) =>
        item.myDecisions.title_abstract || item.myDecisions.full_text ? (
          <>
            <span className="cell-label" aria-hidden="true">
              Your decisions
            </span>
            <MyDecisions item={item} />
          </>
        ) : null,
    },
    data.visibility.titleAbstract && {
      key: "ta",
      header: "Title/abstract",
      cell: (item) =>
        item.titleAbstract ? (
          <span className="badge-stack">
            <span className="cell-label" aria-hidden="true">
              Title/abstract
            </span>
            <OutcomeBadge
              outcome={item.titleAbstract.outcome}
              merged={item.duplicate === "merged"}
              removed={item.removedBeforeScreening}
            />
            {item.titleAbstract.reason && <span className="small">{item.titleAbstract.reason}</span>}
            {item.titleAbstract.retrieval && (
              <span className="small muted">{RETRIEVAL_LABELS[item.titleAbstract.retrieval]}</span>
            )}
          </span>
        ) : null,
    },
    data.visibility.fullText && {
      key: "ft",
      header: "Full text",
      cell: (item) =>
        item.fullText?.outcome ? (
          <span className="badge-stack">
            <span className="cell-label" aria-hidden="true">
              Full text
            </span>
            <OutcomeBadge outcome={item.fullText.outcome} merged={false} />
            {item.fullText.reason && <span className="small">{item.fullText.reason}</span>}
            {item.fullText.study && <span className="small">Study: {item.fullText.study}</span>}
          </span>
        ) : null,
    },
  ];

  return (
    <section className="record-results" aria-labelledby="record-results-heading" aria-busy={list.isFetching}>
      <h2 id="record-results-heading" className="visually-hidden">
        Records found
      </h2>
      <p className="record-count" role="status">
        {data.total === 0
          ? "No records match."
          : `${formatCount(first)}–${formatCount(last)} of ${formatCount(data.total)} ${data.total === 1 ? "record" : "records"}`}
        {data.search !== "none" && data.search !== "words" && (
          <span className="muted"> · {SEARCH_NOTES[data.search]}</span>
        )}
        {data.total > 1 && !browser.allMatching && (
          <button type="button" className="link-button inline" onClick={browser.selectAllMatching}>
            Select all {formatCount(data.total)}
          </button>
        )}
      </p>
      {data.fuzzy && (
        <InfoAlert>No record has all these words; these are the titles that look most like what you typed.</InfoAlert>
      )}
      {data.searchPending > 0 && (
        <InfoAlert>
          {formatCount(data.searchPending)} {data.searchPending === 1 ? "record" : "records"} from a recent import{" "}
          {data.searchPending === 1 ? "is" : "are"} still being indexed and not yet found by words; filters and
          identifiers (DOI, PMID, NCT) find them already.
        </InfoAlert>
      )}
      {/* biome-ignore lint/a11y/noStaticElementInteractions: arrow keys move between the links inside, which take the focus */}
      <div ref={browser.resultsRef} onKeyDown={browser.onResultsKey}>
        <DataTable
          columns={columns}
          rows={data.items}
          rowKey={(item) => item.id}
          rowClassName={(item) => (isSelected(item.id) ? "selected" : undefined)}
          label="Records"
          className="record-table"
          scroll
          empty={
            <EmptyState>
              {state.query ? "No record matches this search and these filters." : "No record matches these filters."}
            </EmptyState>
          }
        />
      </div>
      <Pager page={state.page} pages={pages} onPage={(page) => update({ page })} label="Pages of records" />
    </section>
  );
}
