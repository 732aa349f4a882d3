// A record's history as the record page shows it: events with what a sentence about them needs, and the sentence
// itself ("Ana included it at title/abstract"). Pure, and browser-safe, so the page writes the lines.
import type { Stage } from "../shared/stages";
import { type RemovalReason, removalReasonText } from "./removal-reasons";

type Verdict = "include" | "exclude" | "maybe";

export interface RecordRef {
  id: string;
  title: string;
}

interface At {
  id: string;
  at: Date;
  /** Who did it, by name; null for Sift itself (an automatic merge, an import's own work). */
  actor: string | null;
  /** The caller did it. */
  mine: boolean;
}

export type HistoryEvent = At &
  (
    | { kind: "imported"; fileName: string | null; source: string }
    | { kind: "merged"; automatic: boolean; kept: boolean; other: RecordRef }
    | { kind: "merge_undone"; other: RecordRef }
    | { kind: "kept_apart"; other: RecordRef }
    | {
        kind: "decision";
        stage: Stage;
        action: "recorded" | "changed" | "withdrawn" | "restored";
        verdict: Verdict;
        reason: string | null;
        note: string;
        from: { verdict: Verdict; reason: string | null } | null;
      }
    | { kind: "conflict_opened"; stage: Stage }
    | { kind: "conflict_resolved"; stage: Stage; verdict: Verdict; reason: string | null; note: string }
    | { kind: "stopping_rule"; stage: Stage }
    | {
        kind: "reopened";
        stage: Stage;
        /** The settled verdict it had. */
        from: { verdict: Verdict; reason: string | null } | null;
        note: string;
        /** Later work undone with it, as the lead confirmed it. */
        undone: string[];
      }
    | {
        kind: "overridden";
        stage: Stage;
        verdict: Verdict;
        reason: string | null;
        from: { verdict: Verdict; reason: string | null } | null;
        note: string;
        undone: string[];
      }
    | {
        kind: "full_text";
        action: "file_attached" | "link_set" | "not_retrieved" | "retrieval_undone";
        fileName: string | null;
        url: string | null;
        note: string;
      }
    /** A lead allocated it to a reviewer (with other records chosen in the browser, or from the pool). */
    | { kind: "allocated"; stage: Stage; reviewer: string; reviewerIsMe: boolean }
    /**
     * `merged`: the study holding its report was merged into `study`; `removed_from`: taken out of its study.
     */
    | { kind: "study"; action: "created" | "moved" | "split" | "merged" | "removed_from"; study: string | null }
    /** A team label put on or taken off (`selection`: with other records, from the record browser), or deleted. */
    | { kind: "label"; action: "added" | "removed" | "deleted"; label: string; selection: boolean }
    /** Its import was withdrawn, and it left the review with it (the last event of an archived record). */
    | { kind: "withdrawn"; fileName: string | null; reason: string }
    /** A team note; `text` as written or edited (none once deleted). */
    | { kind: "note"; action: "added" | "edited" | "deleted"; text: string }
    | { kind: "removed_before_screening"; reason: RemovalReason; note: string }
    | { kind: "restored_for_screening" }
  );

export type HistoryKind = HistoryEvent["kind"];

const STAGE_WORDS: Record<Stage, string> = { title_abstract: "title/abstract", full_text: "full text" };
const VERDICT_DONE: Record<Verdict, string> = { include: "included", exclude: "excluded", maybe: "marked maybe" };

function quote(title: string): string {
  const short = title.length > 90 ? `${title.slice(0, 87)}…` : title;
  return `“${short || "an untitled record"}”`;
}

function verdictWithReason(verdict: Verdict, reason: string | null): string {
  return `${VERDICT_DONE[verdict]}${reason ? ` (${reason})` : ""}`;
}

/** One plain sentence for an event, with "You" for the caller's own. */
export function historyLine(event: HistoryEvent): string {
  const who = event.mine ? "You" : (event.actor ?? "Sift");
  const their = event.mine ? "your" : "their";
  switch (event.kind) {
    case "imported":
      return `${event.actor ? `${who} imported it` : "Imported"} from ${event.source}${event.fileName ? ` (${event.fileName})` : ""}`;
    case "merged": {
      const other = quote(event.other.title);
      if (event.automatic)
        return event.kept
          ? `${other} was merged into it automatically as a duplicate`
          : `Merged automatically into ${other} as a duplicate`;
      return event.kept
        ? `${who} merged ${other} into it as a duplicate`
        : `${who} merged it into ${other} as a duplicate`;
    }
    case "merge_undone":
      return `${who} undid the merge with ${quote(event.other.title)}`;
    case "kept_apart":
      return `${who} decided it and ${quote(event.other.title)} are not duplicates`;
    case "decision": {
      const stage = STAGE_WORDS[event.stage];
      const verdict = verdictWithReason(event.verdict, event.reason);
      switch (event.action) {
        case "recorded": {
          const done = event.verdict === "maybe" ? "marked it maybe" : `${VERDICT_DONE[event.verdict]} it`;
          return `${who} ${done} at ${stage}${event.reason ? ` (${event.reason})` : ""}`;
        }
        case "changed":
          return `${who} changed ${their} decision at ${stage} to ${verdict}${event.from ? `, from ${VERDICT_DONE[event.from.verdict]}` : ""}`;
        case "restored":
          return `${who} undid ${their} change at ${stage}: back to ${verdict}`;
        case "withdrawn":
          return `${who} withdrew ${their} decision at ${stage} (${verdict})`;
      }
      break;
    }
    case "conflict_opened":
      return `The reviewers disagreed at ${STAGE_WORDS[event.stage]}: a conflict for a lead to resolve`;
    case "conflict_resolved":
      return `${who} resolved the conflict at ${STAGE_WORDS[event.stage]}: ${verdictWithReason(event.verdict, event.reason)}`;
    case "stopping_rule":
      return `Excluded at ${STAGE_WORDS[event.stage]} with the records left below the stopping threshold`;
    case "reopened":
      return `${who} reopened it at ${STAGE_WORDS[event.stage]}${event.from ? ` (it was ${verdictWithReason(event.from.verdict, event.from.reason)})` : ""}: back to screening, the reviewers' decisions kept but no longer counted`;
    case "overridden":
      return `${who} overrode the verdict at ${STAGE_WORDS[event.stage]}: ${verdictWithReason(event.verdict, event.reason)}${event.from ? `, was ${verdictWithReason(event.from.verdict, event.from.reason)}` : ""}`;
    case "full_text":
      switch (event.action) {
        case "file_attached":
          return `${who} attached the full text${event.fileName ? ` (${event.fileName})` : ""}`;
        case "link_set":
          return `${who} linked the full text${event.url ? ` (${event.url})` : ""}`;
        case "not_retrieved":
          return `${who} marked the full text as not retrieved${event.note ? ` (${event.note})` : ""}`;
        case "retrieval_undone":
          return `${who} took back the full text, to be sought again`;
      }
      break;
    case "allocated":
      return `${who} allocated it to ${event.reviewerIsMe ? "you" : event.reviewer} for ${STAGE_WORDS[event.stage]} screening`;
    case "study":
      switch (event.action) {
        case "created":
          return `${who} made the study ${quote(event.study ?? "")} with it`;
        case "moved":
          return `${who} put it in the study ${quote(event.study ?? "")}`;
        case "split":
          return `${who} split it off into the new study ${quote(event.study ?? "")}`;
        case "merged":
          return `${who} merged its study into the study ${quote(event.study ?? "")}`;
        case "removed_from":
          return `${who} took it out of its study`;
      }
      break;
    case "label": {
      const label = quote(event.label);
      const selected = event.selection ? " with other records chosen in the record browser" : "";
      switch (event.action) {
        case "added":
          return `${who} labelled it ${label}${selected}`;
        case "removed":
          return `${who} took the label ${label} off it${selected}`;
        case "deleted":
          return `${who} deleted the label ${label} from the review, and so from this record`;
      }
      break;
    }
    case "removed_before_screening":
      return `${who} removed it before screening: ${removalReasonText(event.reason, event.note)}`;
    case "restored_for_screening":
      return `${who} restored it for screening`;
    case "withdrawn":
      return `${who} withdrew its import${event.fileName ? ` (${event.fileName})` : ""}, so it left the review${event.reason ? `: “${event.reason}”` : ""}`;
    case "note":
      switch (event.action) {
        case "added":
          return `${who} wrote a team note`;
        case "edited":
          return `${who} edited ${their} team note`;
        case "deleted":
          return `${who} deleted a team note`;
      }
  }
  return "";
}
