"use client";
import Link from "next/link";
import { formatCount } from "@/app/_lib/format";
import type { FlowDiagram, ListKey } from "./flow-types";

type Show = (key: ListKey, title: string, opener: HTMLElement) => void;

/**
 * Where the diagram stands, above it: its numbers add up; or the review is in progress (what awaits which
 * decision, with the records behind it); or some numbers cannot all be true (an error, with what breaks it).
 */
export function FlowStatus({ diagram, slug, onShow }: { diagram: FlowDiagram; slug: string; onShow: Show }) {
  const { flow, pending } = diagram;
  if (flow.state === "holds") {
    return (
      <p className="prisma-checks-ok" role="status">
        ✓ The diagram is complete: all {flow.checks.length} of its identities hold.
      </p>
    );
  }
  if (flow.state === "in_progress") {
    return (
      <section className="alert alert-info prisma-checks" aria-labelledby="prisma-progress-title">
        <h2 id="prisma-progress-title">The review is in progress</h2>
        <p>The diagram shows the numbers as they stand today. It will add up once these are decided:</p>
        <ul>
          {pending.map((p) => (
            <li key={p.list}>
              <span>{p.summary}.</span>
              <span className="prisma-check-actions">
                <button
                  type="button"
                  className="btn btn-secondary btn-small"
                  onClick={(e) => onShow(p.list, capitalise(p.summary), e.currentTarget)}
                >
                  List them
                </button>
                {p.browserQuery && (
                  <Link className="btn btn-secondary btn-small" href={`/r/${slug}/records?${p.browserQuery}`}>
                    Open in the records browser
                  </Link>
                )}
              </span>
            </li>
          ))}
        </ul>
        <p className="small">Downloads carry a note saying the review was in progress.</p>
      </section>
    );
  }
  const failed = flow.checks.filter((c) => c.state === "inconsistent");
  return (
    <section className="alert alert-error prisma-checks" aria-labelledby="prisma-checks-title">
      <h2 id="prisma-checks-title">
        {failed.length === 1
          ? "1 identity of the diagram cannot hold"
          : `${failed.length} identities of the diagram cannot hold`}
      </h2>
      <p>
        These numbers cannot all be true, whatever is still to be decided: the review's data need fixing before the
        diagram is reported. Downloads carry a note saying so.
      </p>
      <ul>
        {failed.map((c) => (
          <li key={c.id}>
            <strong>{c.statement}</strong>
            <p>{c.explanation}</p>
            {c.behindCount > 0 && (
              <button
                type="button"
                className="btn btn-secondary btn-small"
                onClick={(e) => onShow(c.behind, c.behindLabel, e.currentTarget)}
              >
                Show the {formatCount(c.behindCount)} behind it
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
