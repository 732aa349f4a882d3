import { useId } from "react";

export interface KappaBar {
  label: string;
  /** The label as drawn, one short line each (the two reviewers' names). */
  lines: string[];
  kappa: number | null;
  interpretation: string;
}

// Landis & Koch's bands on the kappa scale, shaded from pale to green as agreement grows.
const BANDS: { from: number; to: number; label: string; fill: string }[] = [
  { from: -1, to: 0, label: "poor", fill: "#f4f5f7" },
  { from: 0, to: 0.2, label: "slight", fill: "#fdf0ef" },
  { from: 0.2, to: 0.4, label: "fair", fill: "#fdf6e3" },
  { from: 0.4, to: 0.6, label: "moderate", fill: "#f4f8e6" },
  { from: 0.6, to: 0.8, label: "substantial", fill: "#e9f6ec" },
  { from: 0.8, to: 1, label: "almost perfect", fill: "#d7efdd" },
];
const TICKS = [-1, -0.5, 0, 0.2, 0.4, 0.6, 0.8, 1];

const WIDTH = 600;
const LABEL_WIDTH = 180;
const RIGHT = 20;
const TOP = 36;
const ROW = 38;
const BAR = 16;
const AXIS = 24;

function x(kappa: number): number {
  return LABEL_WIDTH + ((kappa + 1) / 2) * (WIDTH - LABEL_WIDTH - RIGHT);
}

function fixed(kappa: number): string {
  return kappa.toFixed(2).replace("-", "−");
}

/** Cohen's kappa per pair of reviewers as horizontal bars from 0, on the full −1 to 1 scale. */
export function KappaPlot({ bars, caption }: { bars: KappaBar[]; caption: string }) {
  const id = useId();
  const height = TOP + bars.length * ROW + AXIS;
  const zero = x(0);
  const description = bars
    .map((b) => `${b.label}: ${b.kappa === null ? "not computable" : `kappa ${fixed(b.kappa)}, ${b.interpretation}`}.`)
    .join(" ");
  return (
    <svg
      className="kappa-plot"
      viewBox={`0 0 ${WIDTH} ${height}`}
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
    >
      <title id={`${id}-title`}>{caption}</title>
      <desc id={`${id}-desc`}>
        {description} Bands after Landis and Koch: below 0 poor, up to 0.20 slight, 0.40 fair, 0.60 moderate, 0.80
        substantial, above almost perfect.
      </desc>
      {BANDS.map((band, i) => (
        <g key={band.label}>
          <rect
            x={x(band.from)}
            y={TOP - 6}
            width={x(band.to) - x(band.from)}
            height={bars.length * ROW + 6}
            fill={band.fill}
          />
          <text
            className="band-label"
            x={(x(band.from) + x(band.to)) / 2}
            y={i % 2 === 0 ? 13 : 27}
            textAnchor="middle"
          >
            {band.label}
          </text>
        </g>
      ))}
      {TICKS.map((t) => (
        <g key={t}>
          <line x1={x(t)} x2={x(t)} y1={TOP - 6} y2={TOP + bars.length * ROW + 4} className="tick-line" />
          <text className="tick-label" x={x(t)} y={TOP + bars.length * ROW + 17} textAnchor="middle">
            {t === 0 ? "0" : fixed(t).replace(/0$/, "")}
          </text>
        </g>
      ))}
      {bars.map((bar, i) => {
        const y = TOP + i * ROW + (ROW - BAR) / 2 - 3;
        const k = bar.kappa;
        return (
          <g key={bar.label}>
            <text
              className="pair-label"
              x={LABEL_WIDTH - 10}
              y={y + BAR / 2 + 4 - (bar.lines.length - 1) * 7}
              textAnchor="end"
            >
              {bar.lines.map((line, n) => (
                <tspan key={n} x={LABEL_WIDTH - 10} dy={n === 0 ? 0 : 14}>
                  {line.length > 24 ? `${line.slice(0, 23)}…` : line}
                </tspan>
              ))}
            </text>
            {k === null ? (
              <text className="value-label muted-label" x={zero + 6} y={y + BAR / 2 + 4}>
                not computable
              </text>
            ) : (
              <>
                <rect
                  className={k < 0 ? "kappa-bar negative" : "kappa-bar"}
                  x={Math.min(zero, x(k))}
                  y={y}
                  width={Math.max(Math.abs(x(k) - zero), 1.5)}
                  height={BAR}
                />
                <text
                  className="value-label"
                  x={k < 0 ? x(k) - 5 : x(k) + 5}
                  y={y + BAR / 2 + 4}
                  textAnchor={k < 0 ? "end" : k > 0.85 ? "end" : "start"}
                  dx={k > 0.85 ? -10 : 0}
                >
                  {fixed(k)}
                </text>
              </>
            )}
          </g>
        );
      })}
      <line className="zero-line" x1={zero} x2={zero} y1={TOP - 8} y2={TOP + bars.length * ROW + 6} />
    </svg>
  );
}
