// What the hand-written appraisal plots share: the judgement palette robvis made familiar, the font, a rough text width.
import type { JudgementLevel } from "../tools/types";

export const TONE_COLOURS: Record<JudgementLevel["tone"], string> = {
  low: "#02C100",
  moderate: "#E2DF07",
  serious: "#BF0000",
  critical: "#820000",
  unclear: "#4EA1F7",
  none: "#BBBBBB",
};

/** A symbol as well as a colour, so the plots read in greyscale and for colour-blind readers. */
export const TONE_SYMBOLS: Record<JudgementLevel["tone"], string> = {
  low: "+",
  moderate: "−",
  serious: "×",
  critical: "!",
  unclear: "?",
  none: "",
};

export const FONT = `font-family="DejaVu Sans, Liberation Sans, Arial, Helvetica, sans-serif"`;

/** Rough width of a label in pixels, enough to lay out columns without measuring fonts. */
export function textWidth(text: string, size: number): number {
  return text.length * size * 0.56;
}
