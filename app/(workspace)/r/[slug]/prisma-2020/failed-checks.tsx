"use client";
import { formatCount } from "@/app/_lib/format";
import type { IdentityCheck, ListKey } from "./flow-types";

/** Identities of the diagram that do not hold, above it, each with the records or reports that break it. */
export function FailedChecks({
  checks,
  onShow,
}: {
  checks: IdentityCheck[];
  onShow: (key: ListKey, title: string, opener: HTMLElement) => void;
}) {
  const failed = checks.filter((c) => !c.holds);
  if (failed.length === 0) {
    return (
      <p className="prisma-checks-ok" role="status">
        ✓ All {checks.length} identities of the diagram hold: its numbers add up.
      </p>
    );
  }
  return (
    <section className="alert alert-error prisma-checks" aria-labelledby="prisma-checks-title">
      <h2 id="prisma-checks-title">
        {failed.length === 1
          ? "1 identity of the diagram does not hold"
          : `${failed.length} identities of the diagram do not hold`}
      </h2>
      <p>The diagram below shows the numbers as they are; until these are settled, they do not add up.</p>
      <ul>
        {failed.map((c) => (
          <li key={c.id}>
            <code>{c.rule}</code>
            <span className="prisma-check-values">
              {formatCount(c.left)} vs {formatCount(c.right)}
            </span>
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
