import type { FieldChange } from "@/server/extraction/version-diff";

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
