// The contour-enhanced funnel plot as metafor draws it with funnel(res, level = c(90, 95, 99), shade = c("white",
// "gray55", "gray75"), refline = 0, legend = TRUE) (Peters et al. 2008; Cochrane Handbook ch. 13.3.5.2): each
// study's effect against its standard error, SE 0 at the top; shaded where a study would reach p < 0.10, 0.05 and
// 0.01 against no effect; the pooled estimate with its pseudo 95 % limits as dashed lines; Egger's test beneath
// from 10 studies on. Single-group measures have no null effect, so only the pseudo limits are drawn.
import { Canvas, type PlotLayout } from "../../appraisal/plots/svg";
import { escapeXml } from "../../svg/escape-xml";
import { textWidth, wrapText } from "../../svg/text-metrics";
import type { AnalysisResult } from "../analyse";
import { axisKind, axisSuffix, MEASURE_NAMES, num, pText, SINGLE_GROUP, shown } from "../format";
import { funnelData } from "../funnel";
import { makeScale, type Scale, TICK_SIZE, tickLabel } from "./scale";

export interface FunnelInput {
  result: AnalysisResult;
  title?: string;
}

export interface FunnelLayout extends PlotLayout {
  scale: Scale;
  /** SE to y. */
  y(se: number): number;
  points: { label: string; x: number; y: number }[];
  /** Where each significance contour (p) and the pseudo limits (p = 1) reach the largest SE tick, on or past the axis. */
  contourEnds: { p: number; left: number; right: number }[];
}

const MARGIN = 10;
const SIZE = 11;
const WIDTH = 440;
const HEIGHT = 320;
const RADIUS = 3.5;
/** metafor's colours: outside the 99 % contour its `back` (lightgray), then gray75, gray55 and white inside 90 %. */
const BACK = "#d3d3d3";
const SHADES: Record<number, string> = { 0.01: "#bfbfbf", 0.05: "#8c8c8c", 0.1: "#ffffff" };

const round = (x: number) => Math.round(x * 100) / 100;

type Point = [number, number];

/** Sutherland–Hodgman: the polygon cut to the plot's rectangle, so the shaded regions stop at the axes. */
function clip(polygon: readonly Point[], left: number, top: number, right: number, bottom: number): Point[] {
  const edges: [(p: Point) => boolean, (a: Point, b: Point) => Point][] = [
    [(p) => p[0] >= left, (a, b) => [left, a[1] + ((b[1] - a[1]) * (left - a[0])) / (b[0] - a[0])]],
    [(p) => p[0] <= right, (a, b) => [right, a[1] + ((b[1] - a[1]) * (right - a[0])) / (b[0] - a[0])]],
    [(p) => p[1] >= top, (a, b) => [a[0] + ((b[0] - a[0]) * (top - a[1])) / (b[1] - a[1]), top]],
    [(p) => p[1] <= bottom, (a, b) => [a[0] + ((b[0] - a[0]) * (bottom - a[1])) / (b[1] - a[1]), bottom]],
  ];
  let out = [...polygon];
  for (const [inside, cross] of edges) {
    const input = out;
    out = [];
    input.forEach((p, i) => {
      const prev = input[(i + input.length - 1) % input.length]!;
      if (inside(p)) {
        if (!inside(prev)) out.push(cross(prev, p));
        out.push(p);
      } else if (inside(prev)) out.push(cross(prev, p));
    });
  }
  return out;
}

const path = (points: readonly Point[]) => `M${points.map(([x, y]) => `${round(x)} ${round(y)}`).join("L")}z`;

function seTicks(seMax: number): number[] {
  const raw = seMax / 4;
  const power = 10 ** Math.floor(Math.log10(raw));
  const f = raw / power;
  const step = (f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10) * power;
  const ticks = [0];
  while (ticks.at(-1)! < seMax - 1e-12) ticks.push(Number((ticks.length * step).toPrecision(12)));
  return ticks;
}

export function funnelPlot(input: FunnelInput): FunnelLayout {
  const { result } = input;
  const measure = result.options.measure;
  const single = SINGLE_GROUP.includes(measure);
  const center = result.pooled?.estimate ?? result.studies[0]?.yi ?? 0;
  const data = funnelData(
    result.studies.map((s) => s.label),
    result.studies.map((s) => ({ yi: s.yi, vi: s.vi, corrected: s.corrected })),
    center,
  );
  const contours = single ? [] : data.contours;
  const yTicks = seTicks(data.seMax);
  const seBottom = yTicks.at(-1)!;

  const canvas = new Canvas();
  let top = MARGIN;
  if (input.title) {
    for (const line of wrapText(input.title, WIDTH + 60, 13, true)) {
      canvas.text({ x: MARGIN, y: top + 13, text: line, size: 13, bold: true, fill: "#111" });
      top += 17;
    }
    top += 8;
  }
  const yLabels = yTicks.map((t) => tickLabel(t));
  // Room for the upright axis title, the SE tick labels, and half of the first x tick label.
  const left = MARGIN + SIZE + 8 + Math.max(...yLabels.map((l) => textWidth(l, TICK_SIZE))) + 8 + 12;
  const right = left + WIDTH;
  const bottom = top + HEIGHT;
  const spread = [
    ...data.points.flatMap((p) => [p.yi]),
    center - data.pseudoCiZ * seBottom,
    center + data.pseudoCiZ * seBottom,
    ...(single ? [] : [0]),
  ];
  const scale = makeScale(Math.min(...spread), Math.max(...spread), axisKind(measure), left, right);
  const y = (se: number) => top + (se / seBottom) * HEIGHT;
  const x = (v: number) => scale.x(Math.min(scale.hi, Math.max(scale.lo, v)));

  // Shaded regions, widest first, each a triangle from no effect at SE 0 to the contour at the bottom.
  canvas.raw(
    `<rect x="${round(left)}" y="${top}" width="${WIDTH}" height="${HEIGHT}" fill="${single ? "#ffffff" : BACK}"/>`,
  );
  const contourEnds: FunnelLayout["contourEnds"] = [];
  for (const c of [...contours].sort((a, b) => a.p - b.p)) {
    const triangle: Point[] = [
      [scale.x(0), top],
      [scale.x(c.z * seBottom), bottom],
      [scale.x(-c.z * seBottom), bottom],
    ];
    canvas.raw(`<path d="${path(clip(triangle, left, top, right, bottom))}" fill="${SHADES[c.p]}"/>`);
    contourEnds.push({ p: c.p, left: round(scale.x(-c.z * seBottom)), right: round(scale.x(c.z * seBottom)) });
  }
  // The pooled estimate and its pseudo 95 % limits.
  const limits: Point[] = [
    [scale.x(center - data.pseudoCiZ * seBottom), bottom],
    [scale.x(center), top],
    [scale.x(center + data.pseudoCiZ * seBottom), bottom],
  ];
  for (const [end] of [limits[0]!, limits[2]!]) {
    // The dashed limit from the apex towards its end at the bottom, stopped where it leaves the plot's sides.
    const apex = scale.x(center);
    const t = end < left ? (apex - left) / (apex - end) : end > right ? (right - apex) / (end - apex) : 1;
    canvas.raw(
      `<line x1="${round(apex)}" y1="${top}" x2="${round(apex + t * (end - apex))}" y2="${round(top + t * HEIGHT)}" stroke="#222" stroke-width="1" stroke-dasharray="4 3"/>`,
    );
  }
  canvas.raw(
    `<line x1="${round(scale.x(center))}" y1="${top}" x2="${round(scale.x(center))}" y2="${bottom}" stroke="#222" stroke-width="1"/>`,
  );
  contourEnds.push({
    p: 1,
    left: round(scale.x(center - data.pseudoCiZ * seBottom)),
    right: round(scale.x(center + data.pseudoCiZ * seBottom)),
  });
  canvas.raw(
    `<rect x="${round(left)}" y="${top}" width="${WIDTH}" height="${HEIGHT}" fill="none" stroke="#222" stroke-width="1"/>`,
  );

  const points = data.points.map((p) => {
    const px = round(x(p.yi));
    const py = round(y(p.sei));
    return { label: p.label, x: px, y: py };
  });
  for (const p of points)
    canvas.raw(
      `<g><title>${escapeXml(p.label)}</title><circle cx="${p.x}" cy="${p.y}" r="${RADIUS}" fill="#111" stroke="#fff" stroke-width="0.5"/></g>`,
    );

  // Axes.
  yTicks.forEach((t, i) => {
    const ty = round(y(t));
    canvas.raw(`<line x1="${round(left - 4)}" y1="${ty}" x2="${round(left)}" y2="${ty}" stroke="#222"/>`);
    canvas.text({
      x: round(left - 6),
      y: round(ty + TICK_SIZE * 0.35),
      text: yLabels[i]!,
      size: TICK_SIZE,
      anchor: "end",
    });
  });
  canvas.text({
    x: MARGIN + SIZE,
    y: round(top + HEIGHT / 2 + textWidth("Standard error", SIZE, true) / 2),
    text: "Standard error",
    size: SIZE,
    bold: true,
    upright: true,
  });
  for (const t of scale.ticks) {
    const tx = round(scale.x(t.value));
    canvas.raw(`<line x1="${tx}" y1="${bottom}" x2="${tx}" y2="${bottom + 4}" stroke="#222"/>`);
    canvas.text({ x: tx, y: bottom + 5 + TICK_SIZE, text: t.label, size: TICK_SIZE, anchor: "middle" });
  }
  let yy = bottom + 5 + TICK_SIZE + 6;
  canvas.text({
    x: round((left + right) / 2),
    y: yy + SIZE,
    text: `${MEASURE_NAMES[measure]}${axisSuffix(measure)}`,
    size: SIZE,
    bold: true,
    anchor: "middle",
  });
  yy += SIZE + 12;

  const pageRight = right + 12 + MARGIN;
  const keyWidth = pageRight - 2 * MARGIN;
  if (contours.length) {
    // As drawLevelKey lays a key out, but with outlined squares: the white region's swatch must show on white.
    const keyItems: [string, string][] = [
      [SHADES[0.1]!, "p > 0.10"],
      [SHADES[0.05]!, "0.05 < p ≤ 0.10"],
      [SHADES[0.01]!, "0.01 < p ≤ 0.05"],
      [BACK, "p ≤ 0.01"],
    ];
    let kx = MARGIN;
    let baseline = yy + SIZE;
    for (const [colour, label] of keyItems) {
      const span = 16 + textWidth(label, SIZE);
      if (kx > MARGIN && kx + span > MARGIN + keyWidth) {
        kx = MARGIN;
        baseline += 18;
      }
      canvas.mark(
        { x: kx, y: baseline - 10, w: 12, h: 12, what: `key ${label}` },
        `<rect x="${kx}" y="${baseline - 10}" width="12" height="12" fill="${colour}" stroke="#555" stroke-width="0.75"/>`,
      );
      canvas.text({ x: kx + 16, y: baseline, text: label, size: SIZE });
      kx += span + 14;
    }
    yy = baseline + 8;
  }
  const notes = [
    ...(contours.length ? ["Shading: the p-value a study at that effect and SE would have against no effect."] : []),
    `Dashed: pseudo 95 % limits around the pooled estimate (${num(shown(measure, center))}).`,
  ];
  if (result.egger) {
    const e = result.egger;
    notes.push(
      `Egger's test: intercept ${num(e.intercept)} (SE ${num(e.se)}), t(${e.df}) = ${num(e.statistic)}, ${pText(e.p)}.`,
    );
  } else notes.push(`Egger's test is not given with fewer than 10 studies (k = ${result.k}).`);
  yy += 4;
  for (const note of notes)
    for (const line of wrapText(note, keyWidth, 10)) {
      canvas.text({ x: MARGIN, y: yy + 10, text: line, size: 10, fill: "#333" });
      yy += 13;
    }

  const width = Math.max(pageRight, ...canvas.boxes.map((b) => b.x + b.w + MARGIN));
  const layout = canvas.document(
    width,
    yy + MARGIN,
    `Funnel plot: ${input.title ?? MEASURE_NAMES[measure]}, ${result.k} ${result.k === 1 ? "study" : "studies"}`,
  );
  return { ...layout, scale, y, points, contourEnds };
}
