// Lays the diagram out like Figure 1 of the PRISMA 2020 statement (Page et al., BMJ 2021;372:n71): phase bars on
// the left (identification, screening, included), the "databases and registers" column with its side boxes of
// removed and excluded items, and the "other methods" column when such records exist. The updated-review form
// adds the "Previous studies" column on the left, whose box joins the new studies in "Total studies included in
// review" at the foot. Box heights follow their wrapped text, so nothing overlaps whatever the counts and reason
// labels. A note for an unfinished or inconsistent diagram runs below it. Pure: numbers in, rectangles, lines and
// arrows out.

import { textWidth, wrapText } from "../svg/text-metrics";
import { type ListKey, NO_REASON, type Prisma2020Flow, type ReasonCount } from "./flow";

export const FONT_SIZE = 13;
export const LINE_HEIGHT = 17;
export const PADDING = 10;
const PHASE_WIDTH = 30;
const MAIN_WIDTH = 250;
const SIDE_WIDTH = 290;
const SIDE_GAP = 40;
const COLUMN_GAP = 50;
const ROW_GAP = 32;
const MARGIN = 12;
const MIN_BOX_HEIGHT = 54;
const INDENT = 12;
/** How far a phase bar reaches above and below the boxes of its rows. */
const PHASE_OVERHANG = 6;

export type Fill = "box" | "dbrHeader" | "otherHeader" | "phase" | "note";

export interface TextLine {
  text: string;
  x: number;
  y: number;
  bold: boolean;
}

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * The updated-review form's boxes of the previous version and of the totals count no record of this review: they
 * open no list.
 */
export type BoxKey = ListKey | "previous_version" | "total_included";

export interface DiagramBox extends Rect {
  /** The box's id in the SVG and, for a ListKey, the list it opens on the page. */
  listKey: BoxKey;
  opensList: boolean;
  /** What a screen reader announces for the box. */
  label: string;
  lines: TextLine[];
}

export interface Banner extends Rect {
  fill: Fill;
  lines: TextLine[];
  /** Phase bars read bottom to top, as in the statement's figure. */
  vertical: boolean;
}

export interface DiagramLayout {
  width: number;
  height: number;
  boxes: DiagramBox[];
  banners: Banner[];
  /** Polylines, each ending in an arrowhead at its last point. */
  arrows: [number, number][][];
}

interface Content {
  text: string;
  bold?: boolean;
  /** Levels of indentation: reasons under their box's total, or under "by a human". */
  indent?: number;
}

/** No-break spaces keep "(n = 1,234)" on one line. */
const n = (value: number) => `(n\u00a0=\u00a0${value.toLocaleString("en-US")})`;

function reasonLines(reasons: ReasonCount[], indent = 1): Content[] {
  return reasons.map((r) => ({ text: `${r.reason} ${n(r.n)}`, indent }));
}

interface BoxSpec {
  listKey: BoxKey;
  content: Content[];
}

/**
 * "Records excluded", with the split the statement's footnote asks for when automation tools were used: "indicate
 * how many records were excluded by a human and how many were excluded by automation tools".
 */
function recordsExcludedContent(flow: Prisma2020Flow): Content[] {
  const { human, automation } = flow.recordsExcludedBy;
  const hasReasons = flow.recordsExcludedReasons.some((r) => r.reason !== NO_REASON);
  const total = `Records excluded ${n(flow.values.records_excluded)}`;
  if (automation > 0)
    return [
      { text: `${total}:`, bold: true },
      { text: `by a human ${n(human)}`, indent: 1 },
      ...(hasReasons ? reasonLines(flow.recordsExcludedReasons, 2) : []),
      { text: `by automation tools ${n(automation)}`, indent: 1 },
    ];
  return hasReasons
    ? [{ text: `${total}:`, bold: true }, ...reasonLines(flow.recordsExcludedReasons)]
    : [{ text: total }];
}

function contentFor(flow: Prisma2020Flow) {
  const v = flow.values;
  const updated = flow.variant === "updated";
  const excluded = (total: number, reasons: ReasonCount[]): Content[] =>
    reasons.length
      ? [{ text: `Reports excluded ${n(total)}:`, bold: true }, ...reasonLines(reasons)]
      : [{ text: `Reports excluded ${n(0)}` }];
  const spec = (listKey: BoxKey, content: Content[]): BoxSpec => ({ listKey, content });
  return {
    identifiedDbr: spec("identified_dbr", [
      { text: "Records identified from:", bold: true },
      { text: `Databases ${n(v.database_results)}` },
      ...flow.databases.map((d) => ({ text: `${d.name} ${n(d.n)}`, indent: 1 })),
      { text: `Registers ${n(v.register_results)}` },
      ...flow.registers.map((d) => ({ text: `${d.name} ${n(d.n)}`, indent: 1 })),
    ]),
    removed: spec("removed_before_screening", [
      { text: "Records removed before screening:", bold: true },
      { text: `Duplicate records removed ${n(v.duplicates)}`, indent: 1 },
      { text: `Records marked as ineligible by automation tools ${n(v.excluded_automatic)}`, indent: 1 },
      { text: `Records removed for other reasons ${n(v.excluded_other)}`, indent: 1 },
    ]),
    screened: spec("records_screened", [{ text: `Records screened ${n(v.records_screened)}` }]),
    recordsExcluded: spec("records_excluded", recordsExcludedContent(flow)),
    dbrSought: spec("dbr_sought", [{ text: `Reports sought for retrieval ${n(v.dbr_sought_reports)}` }]),
    dbrNotRetrieved: spec("dbr_notretrieved", [{ text: `Reports not retrieved ${n(v.dbr_notretrieved_reports)}` }]),
    dbrAssessed: spec("dbr_assessed", [{ text: `Reports assessed for eligibility ${n(v.dbr_assessed)}` }]),
    dbrExcluded: spec("dbr_excluded", excluded(v.dbr_excluded, flow.dbrExcluded)),
    identifiedOther: spec("identified_other", [
      { text: "Records identified from:", bold: true },
      { text: `Websites ${n(v.website_results)}` },
      { text: `Organisations ${n(v.organisation_results)}` },
      { text: `Citation searching ${n(v.citations_results)}` },
    ]),
    otherSought: spec("other_sought", [{ text: `Reports sought for retrieval ${n(v.other_sought_reports)}` }]),
    otherNotRetrieved: spec("other_notretrieved", [
      { text: `Reports not retrieved ${n(v.other_notretrieved_reports)}` },
    ]),
    otherAssessed: spec("other_assessed", [{ text: `Reports assessed for eligibility ${n(v.other_assessed)}` }]),
    otherExcluded: spec("other_excluded", excluded(v.other_excluded, flow.otherExcluded)),
    // The statement's words differ between its two forms: "new" studies only where there were previous ones.
    included: spec(
      "included",
      updated
        ? [
            { text: `New studies included in review ${n(v.new_studies)}` },
            { text: `Reports of new included studies ${n(v.new_reports)}` },
          ]
        : [
            { text: `Studies included in review ${n(v.new_studies)}` },
            { text: `Reports of included studies ${n(v.new_reports)}` },
          ],
    ),
    previous: spec("previous_version", [
      { text: `Studies included in previous version of review ${n(v.previous_studies)}` },
      { text: `Reports of studies included in previous version of review ${n(v.previous_reports)}` },
    ]),
    total: spec("total_included", [
      { text: `Total studies included in review ${n(v.total_studies)}` },
      { text: `Reports of total included studies ${n(v.total_reports)}` },
    ]),
  };
}

interface Wrapped {
  spec: BoxSpec;
  width: number;
  rows: { text: string; bold: boolean; indent: number }[];
  height: number;
}

function wrap(spec: BoxSpec, width: number): Wrapped {
  const rows = spec.content.flatMap((c) => {
    const inner = width - 2 * PADDING - (c.indent ?? 0) * INDENT;
    return wrapText(c.text, inner, FONT_SIZE, c.bold).map((text) => ({ text, bold: !!c.bold, indent: c.indent ?? 0 }));
  });
  return { spec, width, rows, height: Math.max(MIN_BOX_HEIGHT, rows.length * LINE_HEIGHT + 2 * PADDING) };
}

function place(w: Wrapped, x: number, rowTop: number, rowHeight: number): DiagramBox {
  const y = rowTop + (rowHeight - w.height) / 2;
  // Text block centred vertically; the first baseline sits one ascent (~0.8 em) below the block's top.
  const blockTop = y + (w.height - w.rows.length * LINE_HEIGHT) / 2;
  return {
    listKey: w.spec.listKey,
    opensList: w.spec.listKey !== "previous_version" && w.spec.listKey !== "total_included",
    label: w.spec.content.map((c) => c.text.replace(/\u00a0/g, " ")).join(" "),
    x,
    y,
    w: w.width,
    h: w.height,
    lines: w.rows.map((r, i) => ({
      text: r.text,
      bold: r.bold,
      x: x + PADDING + r.indent * INDENT,
      y: blockTop + i * LINE_HEIGHT + (LINE_HEIGHT + FONT_SIZE * 0.7) / 2,
    })),
  };
}

function banner(text: string, rect: Rect, fill: Fill, vertical: boolean): Banner {
  const along = vertical ? rect.h : rect.w;
  const lines = wrapText(text, along - 2 * PADDING, FONT_SIZE, true);
  const cx = rect.x + rect.w / 2;
  const cy = rect.y + rect.h / 2;
  const first = -((lines.length - 1) * LINE_HEIGHT) / 2;
  return {
    ...rect,
    fill,
    vertical,
    // A vertical banner's line is rotated about its (x, y); the baseline sits 0.35 em off centre either way.
    lines: lines.map((t, i) => ({
      text: t,
      bold: true,
      x: vertical ? cx + first + i * LINE_HEIGHT + FONT_SIZE * 0.35 : cx,
      y: vertical ? cy : cy + first + i * LINE_HEIGHT + FONT_SIZE * 0.35,
    })),
  };
}

export interface LayoutOptions {
  /** Printed below the figure: what makes an unfinished or inconsistent diagram so (server/prisma-2020-flow/diagram-note.ts). */
  note?: string | null;
}

export function layoutDiagram(flow: Prisma2020Flow, options: LayoutOptions = {}): DiagramLayout {
  const c = contentFor(flow);
  const other = flow.hasOtherMethods;
  const updated = flow.variant === "updated";
  const xPrevious = MARGIN + PHASE_WIDTH + 14;
  const xMain = updated ? xPrevious + MAIN_WIDTH + COLUMN_GAP : xPrevious;
  const xSide = xMain + MAIN_WIDTH + SIDE_GAP;
  const xOther = xSide + SIDE_WIDTH + COLUMN_GAP;
  const xOtherSide = xOther + MAIN_WIDTH + SIDE_GAP;
  const width = (other ? xOtherSide + SIDE_WIDTH : xSide + SIDE_WIDTH) + MARGIN;

  const main = (s: BoxSpec) => wrap(s, MAIN_WIDTH);
  const side = (s: BoxSpec) => wrap(s, SIDE_WIDTH);
  const rows: { x: number; w: Wrapped }[][] = [
    [
      ...(updated ? [{ x: xPrevious, w: main(c.previous) }] : []),
      { x: xMain, w: main(c.identifiedDbr) },
      { x: xSide, w: side(c.removed) },
      ...(other ? [{ x: xOther, w: main(c.identifiedOther) }] : []),
    ],
    [
      { x: xMain, w: main(c.screened) },
      { x: xSide, w: side(c.recordsExcluded) },
    ],
    [
      { x: xMain, w: main(c.dbrSought) },
      { x: xSide, w: side(c.dbrNotRetrieved) },
      ...(other
        ? [
            { x: xOther, w: main(c.otherSought) },
            { x: xOtherSide, w: side(c.otherNotRetrieved) },
          ]
        : []),
    ],
    [
      { x: xMain, w: main(c.dbrAssessed) },
      { x: xSide, w: side(c.dbrExcluded) },
      ...(other
        ? [
            { x: xOther, w: main(c.otherAssessed) },
            { x: xOtherSide, w: side(c.otherExcluded) },
          ]
        : []),
    ],
    [{ x: xMain, w: main(c.included) }],
    ...(updated ? [[{ x: xMain, w: main(c.total) }]] : []),
  ];

  const banners: Banner[] = [];
  const headerHeight = 2 * LINE_HEIGHT + 2 * PADDING;
  if (updated) {
    banners.push(
      banner("Previous studies", { x: xPrevious, y: MARGIN, w: MAIN_WIDTH, h: headerHeight }, "otherHeader", false),
    );
  }
  banners.push(
    banner(
      "Identification of new studies via databases and registers",
      { x: xMain, y: MARGIN, w: xSide + SIDE_WIDTH - xMain, h: headerHeight },
      "dbrHeader",
      false,
    ),
  );
  if (other) {
    banners.push(
      banner(
        "Identification of new studies via other methods",
        { x: xOther, y: MARGIN, w: xOtherSide + SIDE_WIDTH - xOther, h: headerHeight },
        "otherHeader",
        false,
      ),
    );
  }

  const boxes: DiagramBox[] = [];
  const rowTops: number[] = [];
  const rowHeights: number[] = [];
  // A one-row phase (identification, included) must still be tall enough for its bar's rotated label.
  const phaseMinimum = (label: string) =>
    Math.ceil(textWidth(label, FONT_SIZE, true)) + 2 * PADDING + 4 - 2 * PHASE_OVERHANG;
  const minimums = [phaseMinimum("Identification"), 0, 0, 0, updated ? 0 : phaseMinimum("Included"), 0];
  let y = MARGIN + headerHeight + ROW_GAP * 0.6;
  for (const [i, row] of rows.entries()) {
    const h = Math.max(minimums[i]!, ...row.map((r) => r.w.height));
    rowTops.push(y);
    rowHeights.push(h);
    for (const r of row) boxes.push(place(r.w, r.x, y, h));
    y += h + ROW_GAP;
  }
  const figureBottom = y - ROW_GAP;

  const phase = (text: string, from: number, to: number) => {
    const top = rowTops[from]! - PHASE_OVERHANG;
    const bottom = rowTops[to]! + rowHeights[to]! + PHASE_OVERHANG;
    banners.push(banner(text, { x: MARGIN, y: top, w: PHASE_WIDTH, h: bottom - top }, "phase", true));
  };
  phase("Identification", 0, 0);
  phase("Screening", 1, 3);
  phase("Included", 4, rows.length - 1);

  let height = Math.ceil(figureBottom + MARGIN);
  if (options.note) {
    const lines = wrapText(options.note, width - 2 * MARGIN - 2 * PADDING, FONT_SIZE, true);
    const h = lines.length * LINE_HEIGHT + 2 * PADDING;
    const top = figureBottom + ROW_GAP * 0.6;
    banners.push(banner(options.note, { x: MARGIN, y: top, w: width - 2 * MARGIN, h }, "note", false));
    height = Math.ceil(top + h + MARGIN);
  }

  const box = (key: BoxKey) => boxes.find((b) => b.listKey === key)!;
  const down = (from: BoxKey, to: BoxKey): [number, number][] => {
    const a = box(from);
    const b = box(to);
    return [
      [a.x + a.w / 2, a.y + a.h],
      [b.x + b.w / 2, b.y],
    ];
  };
  const right = (from: BoxKey, to: BoxKey): [number, number][] => {
    const a = box(from);
    const b = box(to);
    const cy = a.y + a.h / 2;
    return [
      [a.x + a.w, cy],
      [b.x, cy],
    ];
  };
  /** Down from `from`'s foot, then across into the side of `to` (a box further down in the next column). */
  const downThenAcross = (from: BoxKey, to: BoxKey, toSide: "left" | "right"): [number, number][] => {
    const a = box(from);
    const b = box(to);
    const cy = b.y + b.h / 2;
    return [
      [a.x + a.w / 2, a.y + a.h],
      [a.x + a.w / 2, cy],
      [toSide === "left" ? b.x : b.x + b.w, cy],
    ];
  };
  const arrows = [
    down("identified_dbr", "records_screened"),
    down("records_screened", "dbr_sought"),
    down("dbr_sought", "dbr_assessed"),
    down("dbr_assessed", "included"),
    right("identified_dbr", "removed_before_screening"),
    right("records_screened", "records_excluded"),
    right("dbr_sought", "dbr_notretrieved"),
    right("dbr_assessed", "dbr_excluded"),
  ];
  if (updated)
    arrows.push(down("included", "total_included"), downThenAcross("previous_version", "total_included", "left"));
  if (other) {
    arrows.push(
      down("identified_other", "other_sought"),
      down("other_sought", "other_assessed"),
      right("other_sought", "other_notretrieved"),
      right("other_assessed", "other_excluded"),
      downThenAcross("other_assessed", "included", "right"),
    );
  }
  return { width, height, boxes, banners, arrows };
}
