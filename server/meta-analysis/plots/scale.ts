// The horizontal effect axis the forest and funnel plots share: analysis-scale values (log for ratios) mapped to
// pixels, with ticks a reader can use. Ratio measures are drawn on a log scale labelled with the ratios themselves
// (0.1 0.2 0.5 1 2 5 10), as RevMan and metafor's forest(atransf = exp) do; logit proportions on a logit axis
// labelled with the proportions (atransf = transf.ilogit); other measures get round linear steps.
import { textWidth } from "../../svg/text-metrics";

export interface Tick {
  /** On the analysis scale. */
  value: number;
  label: string;
}

/** How values on the analysis scale are shown: as they are, exp() of a log ratio, or the proportion of a logit. */
export type AxisKind = "linear" | "log" | "logit";

export interface Scale {
  kind: AxisKind;
  /** The axis ends, on the analysis scale. */
  lo: number;
  hi: number;
  left: number;
  right: number;
  ticks: Tick[];
  x(value: number): number;
}

export const TICK_SIZE = 10;
/** Space between two neighbouring tick labels. */
const TICK_GAP = 6;
/** Ratio axes never reach past these, whatever a sparse study's estimate: 1/1000 to 1000; proportions 0.001 to 0.999. */
const RATIO_LIMIT = Math.log(1000);
const logit = (p: number) => Math.log(p / (1 - p));
const LOGIT_LIMIT = logit(0.999);
const PROPORTIONS = [
  0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.98, 0.99, 0.995, 0.998,
  0.999,
];
const COARSE_PROPORTIONS = [0.001, 0.01, 0.1, 0.5, 0.9, 0.99, 0.999];

/** A tick value as people write it: 0.5, 2, 10, 0.001; no float noise (0.30000000000000004). */
export function tickLabel(value: number): string {
  if (value === 0) return "0";
  const text = Number(value.toPrecision(6)).toString();
  return text.replace("-", "−");
}

function niceStep(raw: number): number {
  const power = 10 ** Math.floor(Math.log10(raw));
  const f = raw / power;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * power;
}

const RATIO_STEPS = [1, 2, 5];

/** 1-2-5 ratios from 0.001 to 1000, as log values. */
const RATIO_CANDIDATES = [
  ...[-3, -2, -1, 0, 1, 2].flatMap((e) => RATIO_STEPS.map((s) => Math.log(s * 10 ** e))),
  Math.log(1000),
];

/** The candidates from the last at or below `lo` to the first at or above `hi`. */
function pickTicks(candidates: readonly number[], lo: number, hi: number, label: (v: number) => string): Tick[] {
  const eps = 1e-9;
  const from = [...candidates].reverse().find((v) => v <= lo + eps) ?? candidates[0]!;
  const to = candidates.find((v) => v >= hi - eps) ?? candidates.at(-1)!;
  return candidates.filter((v) => v >= from - eps && v <= to + eps).map((v) => ({ value: v, label: label(v) }));
}

const POWERS_OF_TEN = RATIO_CANDIDATES.filter((v) => Math.abs(v / Math.LN10 - Math.round(v / Math.LN10)) < 1e-9);
const ratioLabel = (v: number) => tickLabel(Math.exp(v));
const proportionLabel = (v: number) => tickLabel(1 / (1 + Math.exp(-v)));

function linearTicks(lo: number, hi: number, step: number): Tick[] {
  const from = Math.floor(lo / step + 1e-9);
  const to = Math.ceil(hi / step - 1e-9);
  const ticks: Tick[] = [];
  for (let i = from; i <= to; i++) {
    const value = Number((i * step).toPrecision(12));
    ticks.push({ value, label: tickLabel(value) });
  }
  return ticks;
}

function labelsCrowd(ticks: readonly Tick[], width: number): boolean {
  const span = ticks.at(-1)!.value - ticks[0]!.value;
  for (let i = 1; i < ticks.length; i++) {
    const a = ticks[i - 1]!;
    const b = ticks[i]!;
    const distance = ((b.value - a.value) / span) * width;
    if (distance < (textWidth(a.label, TICK_SIZE) + textWidth(b.label, TICK_SIZE)) / 2 + TICK_GAP) return true;
  }
  return false;
}

/**
 * The axis over [lo, hi] (analysis scale) widened to the ticks around it, with as many ticks as fit `left`–`right`
 * with their labels apart. Ratio axes are clamped to 1/1000–1000.
 */
export function makeScale(lo: number, hi: number, kind: AxisKind, left: number, right: number): Scale {
  let a = lo;
  let b = hi;
  if (kind === "log") {
    a = Math.max(-RATIO_LIMIT, Math.min(a, -Math.log(1.5)));
    b = Math.min(RATIO_LIMIT, Math.max(b, Math.log(1.5)));
  } else if (kind === "logit") {
    a = Math.max(-LOGIT_LIMIT, a);
    b = Math.min(LOGIT_LIMIT, b);
  }
  if (!(b > a)) {
    const half = Math.abs(a) > 0 ? Math.abs(a) / 2 : 1;
    a -= half;
    b += half;
  }
  const width = right - left;
  let ticks: Tick[];
  if (kind !== "linear") {
    const [fine, coarse, label] =
      kind === "log"
        ? [RATIO_CANDIDATES, POWERS_OF_TEN, ratioLabel]
        : [PROPORTIONS.map(logit), COARSE_PROPORTIONS.map(logit), proportionLabel];
    ticks = pickTicks(fine, a, b, label);
    if (ticks.length > 9 || labelsCrowd(ticks, width)) ticks = pickTicks(coarse, a, b, label);
  } else {
    let step = niceStep((b - a) / 5);
    ticks = linearTicks(a, b, step);
    while (ticks.length > 2 && labelsCrowd(ticks, width)) {
      step = niceStep(step * 1.5);
      ticks = linearTicks(a, b, step);
    }
  }
  const from = ticks[0]!.value;
  const to = ticks.at(-1)!.value;
  return {
    kind,
    lo: from,
    hi: to,
    left,
    right,
    ticks,
    x: (value: number) => left + ((value - from) / (to - from)) * width,
  };
}
