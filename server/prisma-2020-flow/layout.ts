// Lays the diagram out like the PRISMA 2020 statement's figure: phase bars on the left (identification,
// screening, included), the "databases and registers" column with its side boxes of removed and excluded items,
// and the "other methods" column when such records exist. Box heights follow their wrapped text, so nothing
// overlaps whatever the counts and reason labels. Pure: numbers in, rectangles, lines and arrows out.

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

export type Fill = "box" | "dbrHeader" | "otherHeader" | "phase";

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

export interface DiagramBox extends Rect {
  /** The list this box opens, for the page and for a box's id in the SVG. */
  listKey: ListKey;
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
  indent?: boolean;
}

/** No-break spaces keep "(n = 1,234)" on one line. */
const n = (value: number) => `(n\u00a0=\u00a0${value.toLocaleString("en-US")})`;

function reasonLines(reasons: ReasonCount[]): Content[] {
  return reasons.map((r) => ({ text: `${r.reason} ${n(r.n)}`, indent: true }));
}

interface BoxSpec {
  listKey: ListKey;
  content: Content[];
}

function contentFor(flow: Prisma2020Flow) {
  const v = flow.values;
  const hasTaReasons = flow.recordsExcludedReasons.some((r) => r.reason !== NO_REASON);
  const excluded = (total: number, reasons: ReasonCount[]): Content[] =>
    reasons.length
      ? [{ text: `Reports excluded ${n(total)}:`, bold: true }, ...reasonLines(reasons)]
      : [{ text: `Reports excluded ${n(0)}` }];
  const spec = (listKey: ListKey, content: Content[]): BoxSpec => ({ listKey, content });
  return {
    identifiedDbr: spec("identified_dbr", [
      { text: "Records identified from:", bold: true },
      { text: `Databases ${n(v.database_results)}` },
      ...flow.databases.map((d) => ({ text: `${d.name} ${n(d.n)}`, indent: true })),
      { text: `Registers ${n(v.register_results)}` },
      ...flow.registers.map((d) => ({ text: `${d.name} ${n(d.n)}`, indent: true })),
    ]),
    removed: spec("removed_before_screening", [
      { text: "Records removed before screening:", bold: true },
      { text: `Duplicate records removed ${n(v.duplicates)}`, indent: true },
      { text: `Records marked as ineligible by automation tools ${n(v.excluded_automatic)}`, indent: true },
      { text: `Records removed for other reasons ${n(v.excluded_other)}`, indent: true },
    ]),
    screened: spec("records_screened", [{ text: `Records screened ${n(v.records_screened)}` }]),
    recordsExcluded: spec(
      "records_excluded",
      hasTaReasons
        ? [
            { text: `Records excluded ${n(v.records_excluded)}:`, bold: true },
            ...reasonLines(flow.recordsExcludedReasons),
          ]
        : [{ text: `Records excluded ${n(v.records_excluded)}` }],
    ),
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
    included: spec("included", [
      { text: `Studies included in review ${n(v.new_studies)}` },
      { text: `Reports of included studies ${n(v.new_reports)}` },
    ]),
  };
}

interface Wrapped {
  spec: BoxSpec;
  width: number;
  rows: { text: string; bold: boolean; indent: boolean }[];
  height: number;
}

function wrap(spec: BoxSpec, width: number): Wrapped {
  const rows = spec.content.flatMap((c) => {
    const inner = width - 2 * PADDING - (c.indent ? INDENT : 0);
    return wrapText(c.text, inner, FONT_SIZE, c.bold).map((text) => ({ text, bold: !!c.bold, indent: !!c.indent }));
  });
  return { spec, width, rows, height: Math.max(MIN_BOX_HEIGHT, rows.length * LINE_HEIGHT + 2 * PADDING) };
}

function place(w: Wrapped, x: number, rowTop: number, rowHeight: number): DiagramBox {
  const y = rowTop + (rowHeight - w.height) / 2;
  // Text block centred vertically; the first baseline sits one ascent (~0.8 em) below the block's top.
  const blockTop = y + (w.height - w.rows.length * LINE_HEIGHT) / 2;
  return {
    listKey: w.spec.listKey,
    label: w.spec.content.map((c) => c.text.replace(/\u00a0/g, " ")).join(" "),
    x,
    y,
    w: w.width,
    h: w.height,
    lines: w.rows.map((r, i) => ({
      text: r.text,
      bold: r.bold,
      x: x + PADDING + (r.indent ? INDENT : 0),
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

export function layoutDiagram(flow: Prisma2020Flow): DiagramLayout {
  const c = contentFor(flow);
  const other = flow.hasOtherMethods;
  const xMain = MARGIN + PHASE_WIDTH + 14;
  const xSide = xMain + MAIN_WIDTH + SIDE_GAP;
  const xOther = xSide + SIDE_WIDTH + COLUMN_GAP;
  const xOtherSide = xOther + MAIN_WIDTH + SIDE_GAP;
  const width = (other ? xOtherSide + SIDE_WIDTH : xSide + SIDE_WIDTH) + MARGIN;

  const main = (s: BoxSpec) => wrap(s, MAIN_WIDTH);
  const side = (s: BoxSpec) => wrap(s, SIDE_WIDTH);
  const rows: { x: number; w: Wrapped }[][] = [
    [
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
  ];

  const banners: Banner[] = [];
  const headerHeight = 2 * LINE_HEIGHT + 2 * PADDING;
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
  const minimums = [phaseMinimum("Identification"), 0, 0, 0, phaseMinimum("Included")];
  let y = MARGIN + headerHeight + ROW_GAP * 0.6;
  for (const [i, row] of rows.entries()) {
    const h = Math.max(minimums[i]!, ...row.map((r) => r.w.height));
    rowTops.push(y);
    rowHeights.push(h);
    for (const r of row) boxes.push(place(r.w, r.x, y, h));
    y += h + ROW_GAP;
  }
  const height = Math.ceil(y - ROW_GAP + MARGIN);

  const phase = (text: string, from: number, to: number) => {
    const top = rowTops[from]! - PHASE_OVERHANG;
    const bottom = rowTops[to]! + rowHeights[to]! + PHASE_OVERHANG;
    banners.push(banner(text, { x: MARGIN, y: top, w: PHASE_WIDTH, h: bottom - top }, "phase", true));
  };
  phase("Identification", 0, 0);
  phase("Screening", 1, 3);
  phase("Included", 4, 4);

  const box = (key: ListKey) => boxes.find((b) => b.listKey === key)!;
  const down = (from: ListKey, to: ListKey): [number, number][] => {
    const a = box(from);
    const b = box(to);
    return [
      [a.x + a.w / 2, a.y + a.h],
      [b.x + b.w / 2, b.y],
    ];
  };
  const right = (from: ListKey, to: ListKey): [number, number][] => {
    const a = box(from);
    const b = box(to);
    const cy = a.y + a.h / 2;
    return [
      [a.x + a.w, cy],
      [b.x, cy],
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
  if (other) {
    const assessed = box("other_assessed");
    const included = box("included");
    const cy = included.y + included.h / 2;
    arrows.push(
      down("identified_other", "other_sought"),
      down("other_sought", "other_assessed"),
      right("other_sought", "other_notretrieved"),
      right("other_assessed", "other_excluded"),
      [
        [assessed.x + assessed.w / 2, assessed.y + assessed.h],
        [assessed.x + assessed.w / 2, cy],
        [included.x + included.w, cy],
      ],
    );
  }
  return { width, height, boxes, banners, arrows };
}
