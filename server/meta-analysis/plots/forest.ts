// The forest plot (Cochrane Handbook ch. 10.2.1; RevMan's layout): one row per study with its arms' data, weight,
// estimate and CI as text and as a square (area ∝ weight) on whiskers, the study's risk-of-bias dots beside it,
// subgroup and overall diamonds spanning their CIs, the prediction interval, a line of no effect with "favours …"
// under the axis, and the heterogeneity and test statistics. Ratios are drawn on a log axis labelled with the
// ratios. Pure: an analysis in, SVG out, every text measured so the layout tests can check that nothing overlaps.
import { Canvas, drawLevelKey, type PlotLayout, TONE_COLOURS, TONE_SYMBOLS } from "../../appraisal/plots/svg";
import type { PlotRow } from "../../appraisal/plots/traffic-light";
import type { ToolDefinition } from "../../appraisal/tools/types";
import { alignedJudgements, labelledDomains } from "../../appraisal/tools/variants";
import { escapeXml } from "../../svg/escape-xml";
import { textWidth, wrapText } from "../../svg/text-metrics";
import type { AnalysisResult } from "../analyse";
import { qnorm } from "../distributions";
import {
  axisKind,
  axisSuffix,
  effectWithCi,
  heterogeneityText,
  MEASURE_NAMES,
  modelText,
  num,
  overallEffectText,
  pText,
  SINGLE_GROUP,
  shown,
} from "../format";
import type { SubgroupAnalysis } from "../subgroups";
import type { Study } from "../types";
import { armHeadings, armTexts, armTotals } from "./arm-columns";
import { makeScale, type Scale, TICK_SIZE } from "./scale";

export interface ForestInput {
  result: AnalysisResult;
  /** The studies analysed, in the order `result.studies` has them: their data give the arm columns. */
  studies: readonly Study[];
  /** The subgroup analysis of the same studies, when the analysis has subgroups. */
  subgroups?: SubgroupAnalysis | null;
  /** Column headings for group 1 and group 2 ("Stem cells", "Placebo"). */
  arms?: { intervention: string; control: string };
  /** What an effect left and right of the line of no effect means ("Favours stem cells", "Favours placebo"). */
  favours?: { left: string; right: string };
  /** Each study's risk-of-bias judgements for this result (null where it was not appraised), in study order. */
  riskOfBias?: { tool: ToolDefinition; rows: readonly (PlotRow | null)[] };
  title?: string;
}

/** Where an estimate was drawn, for tests and for a screen that links rows to studies. */
export interface ForestMark {
  kind: "study" | "subtotal" | "overall" | "prediction";
  label: string;
  /** The centre line of the row. */
  y: number;
  /** x of the estimate (null for the prediction interval) and of the drawn interval's ends. */
  x: number | null;
  from: number;
  to: number;
  /** True where the interval runs past the axis and ends in an arrow. */
  clippedLeft: boolean;
  clippedRight: boolean;
  /** The square's side (studies) or the diamond's height. */
  size: number;
}

export interface ForestLayout extends PlotLayout {
  scale: Scale;
  marks: ForestMark[];
}

const MARGIN = 10;
const SIZE = 11;
const LINE = 13;
const ROW = 20;
const GAP = 14;
const PANEL = 300;
const MAX_LABEL = 220;
const MAX_SQUARE = 14;
const MIN_SQUARE = 4;
const DIAMOND = 12;
const DOT = 6;
const NOTE_SIZE = 10;
const NOTE_LINE = 13;

const round = (x: number) => Math.round(x * 100) / 100;

/** At most two lines; a longer name is cut with an ellipsis (its full text stays in the row's tooltip). */
function labelLines(text: string, width: number, bold = false): string[] {
  const lines = wrapText(text, width, SIZE, bold);
  if (lines.length <= 2) return lines;
  let second = `${lines.slice(1).join(" ")}`;
  while (second.length > 1 && textWidth(`${second}…`, SIZE, bold) > width) second = second.slice(0, -1);
  return [lines[0]!, `${second.trimEnd()}…`];
}

type RowSpec =
  | { kind: "heading"; text: string }
  | { kind: "study"; index: number; lines: string[] }
  | {
      kind: "subtotal";
      label: string;
      estimate: number;
      lower: number;
      upper: number;
      weight: number | null;
      arms: string[];
    }
  | { kind: "overall"; label: string; estimate: number; lower: number; upper: number; arms: string[] }
  | { kind: "prediction"; lower: number; upper: number }
  | { kind: "note"; text: string };

export function forestPlot(input: ForestInput): ForestLayout {
  const { result, studies } = input;
  const o = result.options;
  const measure = o.measure;
  const single = SINGLE_GROUP.includes(measure);
  const z = qnorm(1 - (1 - o.level) / 2);
  const levelPercent = `${Math.round(o.level * 100)} %`;
  const pooled = result.pooled;
  const studyCi = result.studies.map((s) => [s.yi - z * Math.sqrt(s.vi), s.yi + z * Math.sqrt(s.vi)] as const);

  // Rows, top to bottom.
  const specs: RowSpec[] = [];
  const labelFor = (i: number) => labelLines(result.studies[i]?.label ?? "", MAX_LABEL);
  const groups = input.subgroups?.subgroups ?? null;
  if (groups && groups.length > 0) {
    for (const g of groups) {
      const members = studies.map((s, i) => ({ s, i })).filter(({ s }) => (s.subgroup ?? "") === g.name);
      specs.push({ kind: "heading", text: g.name || "No subgroup" });
      for (const { i } of members) specs.push({ kind: "study", index: i, lines: labelFor(i) });
      const lower = g.pooled?.ciLower ?? g.estimate - z * g.se;
      const upper = g.pooled?.ciUpper ?? g.estimate + z * g.se;
      const weights = members.map(({ i }) => result.studies[i]?.weight ?? null);
      specs.push({
        kind: "subtotal",
        label: `Subtotal (${g.k} ${g.k === 1 ? "study" : "studies"})`,
        estimate: g.estimate,
        lower,
        upper,
        weight: weights.some((w) => w === null) ? null : weights.reduce((s: number, w) => s + (w ?? 0), 0),
        arms: armTotals(members.map(({ s }) => s.data)),
      });
      if (g.pooled) specs.push({ kind: "note", text: heterogeneityText(g.pooled) });
    }
  } else {
    studies.forEach((_, i) => {
      specs.push({ kind: "study", index: i, lines: labelFor(i) });
    });
  }
  if (pooled) {
    specs.push({
      kind: "overall",
      label: `Overall (${result.k} studies)`,
      estimate: pooled.estimate,
      lower: pooled.ciLower,
      upper: pooled.ciUpper,
      arms: armTotals(studies.map((s) => s.data)),
    });
    if (pooled.piLower !== null && pooled.piUpper !== null)
      specs.push({ kind: "prediction", lower: pooled.piLower, upper: pooled.piUpper });
  }

  // Columns, left to right: study, arms, weight, estimate [CI], the plot, risk of bias.
  const arms = armHeadings(studies, input.arms);
  const armCells = studies.map((s) => armTexts(s.data));
  const estimateHeading = [MEASURE_NAMES[measure], `[${levelPercent} CI]`];
  const estimateText = (lo: number, est: number, hi: number) => effectWithCi(measure, est, lo, hi);
  const cellWidth = (t: string, bold = false) => textWidth(t, SIZE, bold);
  const labelTexts = specs.flatMap((r) =>
    r.kind === "study"
      ? r.lines.map((l) => cellWidth(l))
      : r.kind === "heading"
        ? [cellWidth(r.text, true)]
        : r.kind === "subtotal" || r.kind === "overall"
          ? [cellWidth(r.label, true)]
          : r.kind === "prediction"
            ? [cellWidth("Prediction interval")]
            : [],
  );
  const labelWidth = Math.min(MAX_LABEL, Math.max(cellWidth("Study", true), ...labelTexts));
  const armTotalsAll = specs.flatMap((r) => (r.kind === "subtotal" || r.kind === "overall" ? [r.arms] : []));
  const armWidths = arms.map((a, j) =>
    Math.max(
      cellWidth(a.name, true),
      cellWidth(a.sub),
      ...armCells.map((c) => cellWidth(c[j] ?? "")),
      ...armTotalsAll.map((c) => cellWidth(c[j] ?? "", true)),
    ),
  );
  const weightTexts = result.studies.map((s) => (s.weight === null ? "" : `${num(s.weight, 1)} %`));
  const weightShown = pooled !== null;
  const weightWidth = weightShown ? Math.max(cellWidth("Weight", true), cellWidth("100.0 %", true)) : 0;
  const estimateTexts = specs.map((r) =>
    r.kind === "study"
      ? estimateText(studyCi[r.index]![0], result.studies[r.index]!.yi, studyCi[r.index]![1])
      : r.kind === "subtotal" || r.kind === "overall"
        ? estimateText(r.lower, r.estimate, r.upper)
        : r.kind === "prediction"
          ? `[${num(shown(measure, r.lower))}, ${num(shown(measure, r.upper))}]`
          : "",
  );
  const estimateWidth = Math.max(
    ...estimateHeading.map((h) => cellWidth(h, true)),
    ...estimateTexts.map((t) => cellWidth(t, true)),
  );

  let x = MARGIN;
  const labelLeft = x;
  x += labelWidth + GAP;
  const armLeft = armWidths.map((w) => {
    const left = x;
    x += w + GAP;
    return left;
  });
  const weightRight = x + weightWidth;
  if (weightShown) x += weightWidth + GAP;
  const estimateRight = x + estimateWidth;
  x += estimateWidth + GAP;
  // The first and last tick labels hang half outside the panel.
  const panelLeft = x + 12;
  const panelRight = panelLeft + PANEL;
  x = panelRight + 12 + GAP;

  const rob = input.riskOfBias;
  const robDomains = rob
    ? labelledDomains(
        rob.tool,
        rob.rows.filter((r): r is PlotRow => r !== null),
      )
    : [];
  const robColumns = rob ? [...robDomains.map((d) => d.short), ...(rob.tool.overall ? ["Overall"] : [])] : [];
  const robHeading = "Risk of bias";
  // Each column as wide as its heading (domains are short, "Overall" is not), together at least the group heading.
  const robWidths = robColumns.map((c) => Math.max(2 * DOT + 8, cellWidth(c, true) + 8));
  const robSpare = Math.max(0, cellWidth(robHeading, true) + 4 - robWidths.reduce((s, w) => s + w, 0));
  const robLeft = x;
  const robCentres = robWidths.map((w) => {
    const width = w + robSpare / robWidths.length;
    x += width;
    return round(x - width / 2);
  });
  if (robColumns.length) x += GAP;
  const contentRight = x - GAP;

  // The axis covers the estimates, the pooled CIs and no effect, and reaches out to the studies' CIs and the
  // prediction interval by at most its own width again each side; beyond that an interval ends in an arrow.
  const core: number[] = result.studies.map((s) => s.yi);
  const reach: number[] = studyCi.flat();
  for (const r of specs) {
    if (r.kind === "subtotal" || r.kind === "overall") core.push(r.lower, r.upper);
    if (r.kind === "prediction") reach.push(r.lower, r.upper);
  }
  if (!single) core.push(0);
  const coreLo = Math.min(...core);
  const coreHi = Math.max(...core);
  const span = Math.max(coreHi - coreLo, axisKind(measure) !== "linear" ? Math.log(2) : Math.abs(coreHi) * 0.2 || 1);
  const lo = Math.max(Math.min(...reach, coreLo), coreLo - span);
  const hi = Math.min(Math.max(...reach, coreHi), coreHi + span);
  const scale = makeScale(lo, hi, axisKind(measure), panelLeft, panelRight);
  const px = (v: number) => round(scale.x(Math.min(scale.hi, Math.max(scale.lo, v))));

  const canvas = new Canvas();
  const marks: ForestMark[] = [];
  let y = MARGIN;
  if (input.title) {
    for (const line of wrapText(input.title, contentRight - MARGIN, 13, true)) {
      canvas.text({ x: MARGIN, y: y + 13, text: line, size: 13, bold: true, fill: "#111" });
      y += 17;
    }
    y += 6;
  }

  // Headings: names on the first line, what the numbers are on the second.
  const h1 = y + SIZE;
  const h2 = h1 + LINE;
  canvas.text({ x: labelLeft, y: h2, text: "Study", size: SIZE, bold: true });
  arms.forEach((a, j) => {
    const centre = armLeft[j]! + armWidths[j]! / 2;
    canvas.text({ x: centre, y: h1, text: a.name, size: SIZE, bold: true, anchor: "middle" });
    canvas.text({ x: centre, y: h2, text: a.sub, size: SIZE, anchor: "middle" });
  });
  if (weightShown) canvas.text({ x: weightRight, y: h2, text: "Weight", size: SIZE, bold: true, anchor: "end" });
  canvas.text({ x: estimateRight, y: h1, text: estimateHeading[0]!, size: SIZE, bold: true, anchor: "end" });
  canvas.text({ x: estimateRight, y: h2, text: estimateHeading[1]!, size: SIZE, anchor: "end" });
  if (robColumns.length) {
    const mid = (robLeft + contentRight) / 2;
    canvas.text({ x: mid, y: h1, text: robHeading, size: SIZE, bold: true, anchor: "middle" });
    robColumns.forEach((c, i) => {
      canvas.text({
        x: robCentres[i]!,
        y: h2,
        text: c,
        size: SIZE,
        bold: true,
        anchor: "middle",
      });
    });
  }
  y = h2 + 6;
  canvas.raw(
    `<line x1="${MARGIN}" y1="${y}" x2="${round(contentRight)}" y2="${y}" stroke="#999" stroke-width="0.75"/>`,
  );
  y += 4;
  const rowsTop = y;

  const maxWeight = Math.max(0, ...result.studies.map((s) => s.weight ?? 0));
  const noteWidth = Math.max(200, estimateRight - labelLeft);

  const interval = (
    kind: ForestMark["kind"],
    label: string,
    cy: number,
    lower: number,
    upper: number,
    at: number | null,
    size: number,
  ) => {
    const mark: ForestMark = {
      kind,
      label,
      y: round(cy),
      x: at === null ? null : round(scale.x(at)),
      from: px(lower),
      to: px(upper),
      clippedLeft: lower < scale.lo,
      clippedRight: upper > scale.hi,
      size,
    };
    marks.push(mark);
    return mark;
  };
  const arrows = (m: ForestMark) => {
    const head = (tip: number, dir: number) => `<path d="M${tip} ${m.y}l${-5 * dir} -3.5v7z" fill="#222"/>`;
    return (m.clippedLeft ? head(m.from, -1) : "") + (m.clippedRight ? head(m.to, 1) : "");
  };
  const diamond = (m: ForestMark, fill: string, title: string) => {
    const half = DIAMOND / 2;
    canvas.mark(
      { x: m.from, y: m.y - half, w: Math.max(m.to - m.from, 1), h: DIAMOND, what: title },
      `<g><title>${escapeXml(title)}</title><path d="M${m.from} ${m.y}L${m.x} ${round(m.y - half)}L${m.to} ${m.y}L${m.x} ${round(m.y + half)}z" fill="${fill}" stroke="#222" stroke-width="0.75"/></g>${arrows(m)}`,
    );
  };
  const rightCells = (cy: number, weight: string, estimate: string, bold: boolean, armsRow: readonly string[]) => {
    const baseline = cy + 4;
    armsRow.forEach((t, j) => {
      canvas.text({ x: armLeft[j]! + armWidths[j]! / 2, y: baseline, text: t, size: SIZE, anchor: "middle", bold });
    });
    if (weightShown && weight)
      canvas.text({ x: weightRight, y: baseline, text: weight, size: SIZE, anchor: "end", bold });
    if (estimate) canvas.text({ x: estimateRight, y: baseline, text: estimate, size: SIZE, anchor: "end", bold });
  };

  specs.forEach((r, ri) => {
    if (r.kind === "note") {
      const lines = wrapText(r.text, noteWidth, NOTE_SIZE);
      lines.forEach((line, l) => {
        canvas.text({ x: labelLeft, y: y + NOTE_SIZE + l * NOTE_LINE, text: line, size: NOTE_SIZE, fill: "#444" });
      });
      y += lines.length * NOTE_LINE + 6;
      return;
    }
    if (r.kind === "heading") {
      if (ri > 0) y += 6;
      canvas.text({ x: labelLeft, y: y + 14, text: r.text, size: SIZE, bold: true, fill: "#111" });
      y += ROW;
      return;
    }
    const lines = r.kind === "study" ? r.lines : [r.kind === "prediction" ? "Prediction interval" : r.label];
    const h = Math.max(ROW, lines.length * LINE + 7);
    const cy = y + h / 2;
    const bold = r.kind === "subtotal" || r.kind === "overall";
    const first = cy - ((lines.length - 1) * LINE) / 2 + 4;
    lines.forEach((line, l) => {
      canvas.text({ x: labelLeft, y: first + l * LINE, text: line, size: SIZE, bold, fill: "#111" });
    });
    if (r.kind === "study") {
      const s = result.studies[r.index]!;
      const [lower, upper] = studyCi[r.index]!;
      rightCells(cy, weightTexts[r.index]!, estimateTexts[ri]!, false, armCells[r.index]!);
      const side =
        s.weight === null || maxWeight === 0
          ? 8
          : round(MIN_SQUARE + (MAX_SQUARE - MIN_SQUARE) * Math.sqrt(s.weight / maxWeight));
      const inside = s.yi >= scale.lo && s.yi <= scale.hi;
      const m = interval("study", s.label, cy, lower, upper, inside ? s.yi : null, side);
      const title = `${s.label}: ${estimateTexts[ri]}${s.weight === null ? "" : `, weight ${weightTexts[r.index]}`}`;
      canvas.raw(
        `<line x1="${m.from}" y1="${m.y}" x2="${m.to}" y2="${m.y}" stroke="#222" stroke-width="1"/>${arrows(m)}`,
      );
      if (m.x !== null)
        canvas.mark(
          { x: m.x - side / 2, y: m.y - side / 2, w: side, h: side, what: `square ${s.label}` },
          `<g><title>${escapeXml(title)}</title><rect x="${round(m.x - side / 2)}" y="${round(m.y - side / 2)}" width="${side}" height="${side}" fill="#1f5fa8"/></g>`,
        );
      const judged = rob?.rows[r.index];
      if (rob && judged) robDots(canvas, rob.tool, judged, robDomains, robColumns, robCentres, cy);
    } else if (r.kind === "subtotal" || r.kind === "overall") {
      const weight = r.kind === "overall" ? "100.0 %" : r.weight === null ? "" : `${num(r.weight, 1)} %`;
      rightCells(cy, weight, estimateTexts[ri]!, true, r.arms);
      const m = interval(r.kind, r.label, cy, r.lower, r.upper, r.estimate, DIAMOND);
      diamond(m, r.kind === "overall" ? "#222" : "#777", `${r.label}: ${estimateTexts[ri]}`);
    } else {
      rightCells(cy, "", estimateTexts[ri]!, false, []);
      const m = interval("prediction", "Prediction interval", cy, r.lower, r.upper, null, 8);
      canvas.mark(
        { x: m.from, y: m.y - 4, w: Math.max(m.to - m.from, 1), h: 8, what: "prediction interval" },
        `<g><title>${escapeXml(`Prediction interval ${estimateTexts[ri]}`)}</title><line x1="${m.from}" y1="${m.y}" x2="${m.to}" y2="${m.y}" stroke="#b00020" stroke-width="2"/>` +
          `${m.clippedLeft ? "" : `<line x1="${m.from}" y1="${m.y - 4}" x2="${m.from}" y2="${m.y + 4}" stroke="#b00020" stroke-width="2"/>`}` +
          `${m.clippedRight ? "" : `<line x1="${m.to}" y1="${m.y - 4}" x2="${m.to}" y2="${m.y + 4}" stroke="#b00020" stroke-width="2"/>`}</g>${arrows(m)}`,
      );
    }
    y += h;
  });
  const rowsBottom = y + 4;

  // The line of no effect, the axis, its ticks, "favours …" and the measure.
  if (!single)
    canvas.raw(
      `<line x1="${round(scale.x(0))}" y1="${rowsTop}" x2="${round(scale.x(0))}" y2="${rowsBottom}" stroke="#555" stroke-width="1"/>`,
    );
  const axisY = rowsBottom;
  canvas.raw(`<line x1="${panelLeft}" y1="${axisY}" x2="${panelRight}" y2="${axisY}" stroke="#222" stroke-width="1"/>`);
  for (const t of scale.ticks) {
    const tx = round(scale.x(t.value));
    canvas.raw(`<line x1="${tx}" y1="${axisY}" x2="${tx}" y2="${axisY + 4}" stroke="#222" stroke-width="1"/>`);
    canvas.text({ x: tx, y: axisY + 5 + TICK_SIZE, text: t.label, size: TICK_SIZE, anchor: "middle" });
  }
  y = axisY + 5 + TICK_SIZE + 6;
  if (!single && input.favours) {
    const nullX = scale.x(0);
    const left = wrapText(input.favours.left, Math.max(120, nullX - panelLeft - 6), SIZE);
    const right = wrapText(input.favours.right, Math.max(120, panelRight - nullX - 6), SIZE);
    left.forEach((line, l) => {
      canvas.text({ x: round(nullX - 6), y: y + SIZE + l * LINE, text: line, size: SIZE, anchor: "end" });
    });
    right.forEach((line, l) => {
      canvas.text({ x: round(nullX + 6), y: y + SIZE + l * LINE, text: line, size: SIZE });
    });
    y += Math.max(left.length, right.length) * LINE + 4;
  }
  canvas.text({
    x: round((panelLeft + panelRight) / 2),
    y: y + SIZE,
    text: `${MEASURE_NAMES[measure]}${axisSuffix(measure)}`,
    size: SIZE,
    bold: true,
    anchor: "middle",
  });
  y += SIZE + 12;

  // What the pooling was and what it found, across the page.
  const footWidth = contentRight - MARGIN;
  const notes: string[] = [];
  if (pooled) {
    notes.push(`${modelText(o)}.`, `${heterogeneityText(pooled)}.`);
    if (pooled.tau2 !== null && pooled.tau2CiLower !== null && pooled.tau2CiUpper !== null) {
      const digits = pooled.tau2CiUpper >= 1 ? 2 : 3;
      notes.push(
        `τ² ${levelPercent} CI (Q-profile): ${num(pooled.tau2CiLower, digits)} to ${num(pooled.tau2CiUpper, digits)}.`,
      );
    }
    notes.push(`${overallEffectText(pooled)}.`);
  }
  if (input.subgroups && input.subgroups.subgroups.length > 1) {
    const s = input.subgroups;
    notes.push(`Test for subgroup differences: Q = ${num(s.qBetween)}, df = ${s.df}, ${pText(s.p)}.`);
  }
  for (const w of result.warnings) notes.push(`Note: ${w}.`);
  for (const note of notes)
    for (const line of wrapText(note, footWidth, NOTE_SIZE)) {
      canvas.text({ x: MARGIN, y: y + NOTE_SIZE, text: line, size: NOTE_SIZE, fill: "#333" });
      y += NOTE_LINE;
    }

  if (rob && robColumns.length) {
    y += 8;
    const legend = [
      ...robDomains.map((d) => `${d.short}: ${d.label}`),
      ...(rob.tool.overall ? ["Overall: overall risk of bias"] : []),
      ...(rob.rows.some((r) => r === null) ? ["No dots: the result was not appraised"] : []),
    ];
    canvas.text({ x: MARGIN, y: y + NOTE_SIZE, text: `Risk of bias (${rob.tool.label})`, size: NOTE_SIZE, bold: true });
    y += NOTE_LINE;
    for (const entry of legend)
      for (const line of wrapText(entry, footWidth, NOTE_SIZE)) {
        canvas.text({ x: MARGIN, y: y + NOTE_SIZE, text: line, size: NOTE_SIZE, fill: "#333" });
        y += NOTE_LINE;
      }
    y = drawLevelKey(
      canvas,
      rob.tool.levels.map((l) => ({
        colour: TONE_COLOURS[l.tone],
        label: `${TONE_SYMBOLS[l.tone] || "·"} ${l.label}`,
      })),
      MARGIN,
      y + 4,
      footWidth,
      "dot",
    );
  }

  const right = Math.max(contentRight, ...canvas.boxes.map((b) => b.x + b.w));
  const layout = canvas.document(
    right + MARGIN,
    y + MARGIN,
    `Forest plot: ${input.title ?? MEASURE_NAMES[measure]}, ${result.k} ${result.k === 1 ? "study" : "studies"}`,
  );
  return { ...layout, scale, marks };
}

function robDots(
  canvas: Canvas,
  tool: ToolDefinition,
  row: PlotRow,
  domains: ReturnType<typeof labelledDomains>,
  columns: readonly string[],
  centres: readonly number[],
  cy: number,
) {
  const values = [...alignedJudgements(tool, row, domains), ...(tool.overall ? [row.overall] : [])];
  values.forEach((v, i) => {
    const cx = centres[i]!;
    if (v === undefined) return;
    const level = tool.levels.find((l) => l.value === v);
    const tone = level?.tone ?? "none";
    const title = `${row.label}, ${columns[i]}: ${level?.label ?? "Not judged"}`;
    canvas.mark(
      { x: cx - DOT, y: cy - DOT, w: 2 * DOT, h: 2 * DOT, what: title },
      `<g><title>${escapeXml(title)}</title><circle cx="${cx}" cy="${round(cy)}" r="${DOT}" fill="${level ? TONE_COLOURS[tone] : "#ffffff"}" stroke="#555" stroke-width="0.75"/>` +
        `<text x="${cx}" y="${round(cy + 3.5)}" font-size="10" font-weight="bold" text-anchor="middle" fill="${tone === "moderate" ? "#222" : "#fff"}">${escapeXml(level ? TONE_SYMBOLS[tone] : "")}</text></g>`,
    );
  });
}
