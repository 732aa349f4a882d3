import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";

// What changed between two versions of a form, as the procedures that show a version or a draft return it.
type FieldChange = inferRouterOutputs<AppRouter>["extraction"]["mine"]["changesSince"][number];

const KIND_LABELS: Record<FieldChange["kind"], string> = { added: "Added", removed: "Removed", changed: "Changed" };

export function VersionChanges({ changes }: { changes: FieldChange[] }) {
  if (changes.length === 0) return <p className="muted small">No field changed.</p>;
  return (
    <ul className="version-changes">
      {changes.map((c) => (
        <li key={`${c.kind}-${c.fieldId}`}>
          <strong>{KIND_LABELS[c.kind]}</strong> {c.label} <span className="muted">({c.section})</span>
          {c.kind === "changed" && `: ${c.details.join("; ")}`}
          {c.kind === "removed" && <span className="muted"> — values already entered are kept, not shown</span>}
        </li>
      ))}
    </ul>
  );
}
