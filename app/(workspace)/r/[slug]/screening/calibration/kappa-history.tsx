import { useId } from "react";
import { kappaText } from "./round-types";

export interface HistoryPoint {
  round: number;
  kappa: number | null;
  target: number;
  criteriaVersion: number;
}

const WIDTH = 560;
const HEIGHT = 240;
const LEFT = 44;
const RIGHT = 16;
const TOP = 16;
const BOTTOM = 40;
const TICKS = [-0.2, 0, 0.2, 0.4, 0.6, 0.8, 1];
const MIN = -0.2;

/** Each closed round's kappa against its target, oldest first; a table with the same numbers follows it. */
export function KappaHistory({ points }: { points: HistoryPoint[] }) {
  const id = useId();
  const plotH = HEIGHT - TOP - BOTTOM;
  // Points sit inside the grid, so the first and last rounds' labels are not cut at the edges.
  const inset = 40;
  const plotW = WIDTH - LEFT - RIGHT - 2 * inset;
  const x = (i: number) => LEFT + inset + (points.length === 1 ? plotW / 2 : (i / (points.length - 1)) * plotW);
  const y = (k: number) => TOP + ((1 - Math.max(MIN, k)) / (1 - MIN)) * plotH;
  const drawn = points.map((p, i) => ({ ...p, cx: x(i), cy: p.kappa === null ? null : y(p.kappa) }));
  const line = drawn
    .filter((p) => p.cy !== null)
    .map((p) => `${p.cx},${p.cy}`)
    .join(" ");
  const target = points.at(-1)?.target;
  const description = points
    .map((p) => `Round ${p.round}: kappa ${kappaText(p.kappa)}, target ${kappaText(p.target)}.`)
    .join(" ");
  return (
    <figure className="kappa-history">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={`${id}-title ${id}-desc`}>
        <title id={`${id}-title`}>Agreement per calibration round</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {TICKS.map((t) => (
          <g key={t}>
            <line x1={LEFT} x2={WIDTH - RIGHT} y1={y(t)} y2={y(t)} className="grid" />
            <text x={LEFT - 6} y={y(t) + 4} textAnchor="end" className="tick">
              {kappaText(t)}
            </text>
          </g>
        ))}
        {target !== undefined && (
          <g>
            <line x1={LEFT} x2={WIDTH - RIGHT} y1={y(target)} y2={y(target)} className="target" />
            <text x={WIDTH - RIGHT} y={y(target) - 5} textAnchor="end" className="target-label">
              target {kappaText(target)}
            </text>
          </g>
        )}
        {line && <polyline points={line} className="series" fill="none" />}
        {drawn.map((p) => (
          <g key={p.round}>
            {p.cy !== null && <circle cx={p.cx} cy={p.cy} r={5} className={p.kappa! >= p.target ? "met" : "unmet"} />}
            <text x={p.cx} y={HEIGHT - BOTTOM + 18} textAnchor="middle" className="tick">
              Round {p.round}
            </text>
          </g>
        ))}
        <text x={LEFT} y={HEIGHT - 4} className="tick">
          Kappa (Cohen&apos;s for 2 participants, Fleiss&apos; for 3 or more)
        </text>
      </svg>
      <figcaption className="visually-hidden">The same figures are in the table below.</figcaption>
    </figure>
  );
}
