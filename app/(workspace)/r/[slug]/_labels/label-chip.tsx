import type { LabelColour } from "@/server/api/contract/labels";

/** A label as everyone sees it: its name on its colour (text readable on each), never the colour alone. */
export function LabelChip({ name, colour }: { name: string; colour: LabelColour }) {
  return (
    <span className={`label-chip label-${colour}`}>
      <span className="label-dot" aria-hidden="true" />
      {name}
    </span>
  );
}

export const COLOUR_NAMES: Record<LabelColour, string> = {
  grey: "Grey",
  blue: "Blue",
  teal: "Teal",
  green: "Green",
  amber: "Amber",
  orange: "Orange",
  red: "Red",
  pink: "Pink",
  purple: "Purple",
};
