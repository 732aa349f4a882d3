// What the hand-written appraisal plots share: the judgement palette robvis made familiar and the font.
import { SVG_FONT_FAMILY } from "../../svg/text-metrics";
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

/** The family the text metrics measure (server/svg/text-metrics.ts), so labels fit the columns laid out for them. */
export const FONT = `font-family="${SVG_FONT_FAMILY}"`;
