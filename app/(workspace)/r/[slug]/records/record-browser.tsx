"use client";
import { ErrorAlert, InfoAlert, SuccessAlert } from "@/app/_components/alerts";
import { STAGE_LABELS } from "@/server/shared/stages";
import type { BrowseState } from "./browse-params";
import { BulkActions } from "./bulk-actions";
import { RecordFilterPanel } from "./record-filters";
import { RecordResults } from "./record-results";
import { useRecordBrowser } from "./use-record-browser";

const SORT_LABELS = {
  imported: "Import order",
  title: "Title",
  year: "Year",
  relevance: "Relevance (title words first)",
} as const;

interface Props {
  reviewId: string;
  slug: string;
  canLead: boolean;
  initial: BrowseState;
}

/** Every record of the review: searched, filtered, sorted and paged, and exported or (leads) acted on in bulk. */
export function RecordBrowser({ reviewId, slug, canLead, initial }: Props) {
  const browser = useRecordBrowser(reviewId, initial);
  const { state, update } = browser;
  /** With records selected or their export shown, the bulk bar says how its actions went. */
  const barShown = browser.selectedCount > 0 || browser.exported !== null;
  return (
    <>
      <search>
        <form
          className="record-search"
          onSubmit={(event) => {
            event.preventDefault();
            browser.searchNow();
          }}
        >
          <div className="field record-search-box">
            <label htmlFor="record-query">Search records</label>
            <input
              id="record-query"
              ref={browser.searchRef}
              type="search"
              value={browser.typed}
              onChange={(event) => browser.setTyped(event.target.value)}
              onKeyDown={browser.onSearchKey}
              placeholder="Words, or a DOI, PMID or NCT number"
              aria-describedby="record-query-hint"
              autoComplete="off"
            />
            <span id="record-query-hint" className="hint">
              Titles, abstracts, keywords, authors. "A phrase" in quotes, -word to leave one out; press / to search.
            </span>
          </div>
          <div className="field record-sort">
            <label htmlFor="record-sort">Order</label>
            <select
              id="record-sort"
              value={state.sort}
              onChange={(event) => update({ sort: event.target.value as BrowseState["sort"] })}
            >
              {Object.entries(SORT_LABELS).map(([value, label]) => (
                <option key={value} value={value} disabled={value === "relevance" && !state.query}>
                  {label}
                </option>
              ))}
            </select>
            {state.sort !== "relevance" && (
              <label className="check small">
                <input
                  type="checkbox"
                  checked={state.descending}
                  onChange={(event) => update({ descending: event.target.checked })}
                />
                Reversed
              </label>
            )}
          </div>
        </form>
      </search>
      <RecordFilterPanel browser={browser} />
      {!barShown && browser.notice?.kind === "success" && <SuccessAlert>{browser.notice.text}</SuccessAlert>}
      {!barShown && browser.notice?.kind === "info" && <InfoAlert>{browser.notice.text}</InfoAlert>}
      {!barShown && browser.notice?.kind === "error" && <ErrorAlert>{browser.notice.text}</ErrorAlert>}
      <RecordResults browser={browser} slug={slug} />
      <BulkActions browser={browser} reviewId={reviewId} slug={slug} canLead={canLead} stageLabels={STAGE_LABELS} />
    </>
  );
}
