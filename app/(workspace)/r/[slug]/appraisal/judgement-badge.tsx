import { TONE_COLOURS, type ToolDefinition } from "@/server/api/contract/appraisal";

/** A judgement as a coloured dot and its words, so colour is never the only cue. */
export function JudgementBadge({
  tool,
  value,
  prefix,
}: {
  tool: ToolDefinition;
  value: string | null | undefined;
  prefix?: string;
}) {
  const level = tool.levels.find((l) => l.value === value);
  return (
    <span className="judgement">
      <span
        className="judgement-dot"
        style={{ background: level ? TONE_COLOURS[level.tone] : "#fff" }}
        aria-hidden="true"
      />
      {prefix}
      {level?.label ?? "Not judged yet"}
    </span>
  );
}
