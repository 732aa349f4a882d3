import { EmptyState } from "@/app/_components/empty-state";
import { formatDateTime } from "@/app/_lib/format";
import { type HistoryEvent, historyLine } from "@/server/api/contract/records";

/** The record's history, oldest first, one plain sentence per event. */
export function RecordHistory({ events }: { events: HistoryEvent[] }) {
  return (
    <section className="card" aria-labelledby="history-heading">
      <h2 id="history-heading">History</h2>
      {events.length === 0 ? (
        <EmptyState compact>Nothing has happened to this record yet.</EmptyState>
      ) : (
        <ol className="history">
          {events.map((event) => (
            <li key={event.id} className={`history-${event.kind}`}>
              <time dateTime={new Date(event.at).toISOString()}>{formatDateTime(new Date(event.at))}</time>
              <span>
                {historyLine(event)}
                {event.kind === "decision" && event.note && <span className="muted"> — “{event.note}”</span>}
                {event.kind === "conflict_resolved" && event.note && <span className="muted"> — “{event.note}”</span>}
                {event.kind === "note" && event.text && <span className="muted"> — “{event.text}”</span>}
                {(event.kind === "reopened" || event.kind === "overridden") && (
                  <>
                    {event.note && <span className="muted"> — “{event.note}”</span>}
                    {event.undone.length > 0 && (
                      <ul className="history-undone small">
                        {event.undone.map((line) => (
                          <li key={line}>{line}</li>
                        ))}
                      </ul>
                    )}
                  </>
                )}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
