import type { IdentityCheck } from "./flow-types";

const MARK = { holds: "✓ Holds", in_progress: "… In progress", inconsistent: "✗ Cannot hold" } as const;

/** Every identity the diagram must satisfy, in words with this review's numbers, and where each stands. */
export function FlowIdentities({ checks }: { checks: IdentityCheck[] }) {
  return (
    <details className="card prisma-identities">
      <summary>How the numbers fit together</summary>
      <p className="small muted">
        The PRISMA 2020 flow is arithmetic: each box follows from the boxes above it. Sift checks these identities on
        every count.
      </p>
      <ul>
        {checks.map((c) => (
          <li key={c.id}>
            <span className={`prisma-identity-state prisma-identity-${c.state}`}>{MARK[c.state]}</span> {c.statement}{" "}
            <span className="muted">{c.why}</span>
          </li>
        ))}
      </ul>
    </details>
  );
}
