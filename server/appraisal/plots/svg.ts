// What the hand-written appraisal plots share: the judgement palette robvis made familiar, the font, and a canvas
// that records the box of every text and mark it draws, so layout tests can check that nothing overlaps or is cut.
import { escapeXml } from "../../svg/escape-xml";
import { SVG_FONT_FAMILY, textWidth } from "../../svg/text-metrics";
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

/** Helvetica's ascender and descender, per unit of font size: the height a line of text takes around its baseline. */
const ASCENT = 0.8;
const DESCENT = 0.22;

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
  /** What was drawn there, for a failing layout test to name. */
  what: string;
}

export interface PlotText {
  x: number;
  /** The baseline. */
  y: number;
  text: string;
  size: number;
  bold?: boolean;
  anchor?: "start" | "middle" | "end";
  fill?: string;
  /** Turned a quarter anticlockwise about (x, y), reading upwards, for column headers wider than their column. */
  upright?: boolean;
}

/** The box a line of text covers, from the same metrics that laid it out. */
export function textBox(t: PlotText): Box {
  const length = textWidth(t.text, t.size, t.bold);
  const shift = t.anchor === "middle" ? length / 2 : t.anchor === "end" ? length : 0;
  const across = { from: t.size * ASCENT, to: t.size * DESCENT };
  return t.upright
    ? { x: t.x - across.from, y: t.y - length + shift, w: across.from + across.to, h: length, what: t.text }
    : { x: t.x - shift, y: t.y - across.from, w: length, h: across.from + across.to, what: t.text };
}

/** A plot as drawn: its SVG and the boxes of everything legible in it. */
export interface PlotLayout {
  width: number;
  height: number;
  svg: string;
  boxes: Box[];
}

/** Collects SVG parts and the boxes of the texts and marks among them. */
export class Canvas {
  readonly parts: string[] = [];
  readonly boxes: Box[] = [];

  raw(part: string): void {
    this.parts.push(part);
  }

  text(t: PlotText, wrap?: (svg: string) => string): void {
    const anchor = t.anchor && t.anchor !== "start" ? ` text-anchor="${t.anchor}"` : "";
    const turn = t.upright ? ` transform="rotate(-90 ${t.x} ${t.y})"` : "";
    const svg = `<text x="${t.x}" y="${t.y}" font-size="${t.size}"${t.bold ? ` font-weight="bold"` : ""}${anchor} fill="${t.fill ?? "#333"}"${turn}>${escapeXml(t.text)}</text>`;
    this.parts.push(wrap ? wrap(svg) : svg);
    if (t.text) this.boxes.push(textBox(t));
  }

  /** Records a mark (a dot, a legend swatch) drawn by `svg` over the given box. */
  mark(box: Box, svg: string): void {
    this.parts.push(svg);
    this.boxes.push(box);
  }

  document(width: number, height: number, title: string): PlotLayout {
    const w = Math.ceil(width);
    const h = Math.ceil(height);
    return {
      width: w,
      height: h,
      boxes: this.boxes,
      svg:
        `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" role="img" ${FONT}>` +
        `<title>${escapeXml(title)}</title><rect width="${w}" height="${h}" fill="#ffffff"/>${this.parts.join("")}</svg>`,
    };
  }
}

export interface LegendItem {
  colour: string;
  label: string;
}

/**
 * The judgement key: a swatch and a label per level, in rows that wrap at `maxWidth` instead of running off the
 * page. Returns the y below the last row.
 */
export function drawLevelKey(
  canvas: Canvas,
  items: readonly LegendItem[],
  left: number,
  top: number,
  maxWidth: number,
  swatch: "dot" | "square",
): number {
  const SIZE = 11;
  const ROW = 18;
  let x = left;
  let baseline = top + SIZE;
  for (const item of items) {
    const span = 16 + textWidth(item.label, SIZE);
    if (x > left && x + span > left + maxWidth) {
      x = left;
      baseline += ROW;
    }
    const cy = baseline - 4;
    const box = { x, y: cy - 6, w: 12, h: 12, what: `key ${item.label}` };
    canvas.mark(
      box,
      swatch === "dot"
        ? `<circle cx="${x + 6}" cy="${cy}" r="6" fill="${item.colour}" stroke="#555"/>`
        : `<rect x="${x}" y="${cy - 6}" width="12" height="12" fill="${item.colour}"/>`,
    );
    canvas.text({ x: x + 16, y: baseline, text: item.label, size: SIZE });
    x += span + 14;
  }
  return baseline + SIZE * DESCENT + 4;
}
