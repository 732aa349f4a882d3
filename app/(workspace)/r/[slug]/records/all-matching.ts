// "Select all" in the browser: every record the filters select, however many, but those ticked off since. Kept
// as the filters rather than the ids, so an export takes them all. Pure.
import { MAX_SELECTION, type RecordFilters } from "@/server/api/contract/records";
import type { BrowseState } from "./browse-params";

export interface AllMatching {
  filters: RecordFilters;
  total: number;
  except: ReadonlySet<string>;
}

/** Whether a change of the browser's settings changes which records are listed, not only their order or page. */
export function changesRecords(change: Partial<BrowseState>): boolean {
  return Object.keys(change).some((key) => key !== "page" && key !== "sort" && key !== "descending");
}

/** Records ticked (`on`) or ticked off again; as many may be ticked off as a request may name. */
export function toggleMatching(all: AllMatching, ids: string[], on: boolean): AllMatching {
  const except = new Set(all.except);
  for (const id of ids) {
    if (on) except.delete(id);
    else if (except.size < MAX_SELECTION) except.add(id);
  }
  return { ...all, except };
}

export const matchingCount = (all: AllMatching) => all.total - all.except.size;

/** The records a selection export is asked for: every match but those ticked off, or the ids ticked. */
export function chosenRecords(all: AllMatching | null, ticked: ReadonlySet<string>) {
  return all ? { filters: all.filters, exceptIds: [...all.except] } : { recordIds: [...ticked] };
}
