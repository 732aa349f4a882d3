// What is still to be decided before a diagram in progress adds up, stage by stage, in words: for the page's
// status and the note on a downloaded figure.
import type { ListKey, Prisma2020Flow } from "./flow";

export interface PendingWork {
  /** The list of the records or reports, as the diagram's boxes list them. */
  list: ListKey;
  count: number;
  /** e.g. "120 records await a title/abstract decision". */
  summary: string;
  /** The records browser's filter for the same records, as its URL query (app/(workspace)/r/[slug]/records). */
  browserQuery: string | null;
}

const plural = (n: number, one: string, many: string) => `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;

/** One entry per identity in progress, in the order of the diagram's stages. */
export function pendingWork(flow: Prisma2020Flow): PendingWork[] {
  const words: Partial<Record<ListKey, (n: number) => Omit<PendingWork, "list" | "count">>> = {
    records_awaiting: (n) => ({
      summary: `${plural(n, "record awaits", "records await")} a title/abstract decision`,
      browserQuery: "stage=title_abstract&outcome=undecided",
    }),
    retrieval_pending_dbr: (n) => ({
      summary: `${plural(n, "report is", "reports are")} still being sought (databases and registers)`,
      browserQuery: null,
    }),
    retrieval_pending_other: (n) => ({
      summary: `${plural(n, "report is", "reports are")} still being sought (other methods)`,
      browserQuery: null,
    }),
    reports_awaiting: (n) => ({
      summary: `${plural(n, "report awaits", "reports await")} a full-text decision`,
      browserQuery: "stage=full_text&outcome=undecided",
    }),
    ungrouped_reports: (n) => ({
      summary: `${plural(n, "included report is", "included reports are")} not yet grouped into a study`,
      browserQuery: null,
    }),
  };
  return flow.checks
    .filter((c) => c.state === "in_progress" && c.behindCount > 0)
    .flatMap((c) => {
      const describe = words[c.behind];
      return describe ? [{ list: c.behind, count: c.behindCount, ...describe(c.behindCount) }] : [];
    });
}
