import type { inferRouterOutputs } from "@trpc/server";
import { useId } from "react";
import { formatCount, plural } from "@/app/_lib/format";
import type { AppRouter } from "@/server/api/root";
import { axisTicks } from "./axis-ticks";

type CurvePoint = inferRouterOutputs<AppRouter>["prioritise"]["includesCurve"]["points"][number];

const WIDTH = 600;
const HEIGHT = 260;
const LEFT = 48;
const RIGHT = 16;
const TOP = 16;
const BOTTOM = 40;

/**
 * Includes found against records screened, with the diagonal a random order would follow on average: the gap
 * between the two is what prioritisation saved.
 */
export function IncludesChart({ points, total }: { points: CurvePoint[]; total: number }) {
  const id = useId();
  const last = points[points.length - 1] ?? { screened: 0, included: 0 };
  const xMax = Math.max(total, last.screened, 1);
  const yMax = Math.max(last.included, 1);
  const x = (v: number) => LEFT + (v / xMax) * (WIDTH - LEFT - RIGHT);
  const y = (v: number) => HEIGHT - BOTTOM - (v / yMax) * (HEIGHT - TOP - BOTTOM);
  const path = points
    .map((p, i) => `${i === 0 ? "M" : "L"}${x(p.screened).toFixed(1)},${y(p.included).toFixed(1)}`)
    .join(" ");
  // A random order finds includes at the rate of the screened records' share: its expected line ends where ours does.
  const randomEnd =
    last.screened > 0 ? { screened: last.screened, included: last.included * (last.screened / xMax) } : null;
  return (
    <svg
      className="includes-chart"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
    >
      <title id={`${id}-title`}>Includes found against records screened</title>
      <desc id={`${id}-desc`}>
        {`${plural(last.included, "include")} found in ${formatCount(last.screened)} of ${plural(total, "record")} screened.`}
      </desc>
      {axisTicks(xMax).map((t) => (
        <g key={`x${t}`}>
          <line className="tick-line" x1={x(t)} x2={x(t)} y1={TOP} y2={HEIGHT - BOTTOM} />
          <text className="tick-label" x={x(t)} y={HEIGHT - BOTTOM + 16} textAnchor="middle">
            {t}
          </text>
        </g>
      ))}
      {axisTicks(yMax).map((t) => (
        <g key={`y${t}`}>
          <line className="tick-line" x1={LEFT} x2={WIDTH - RIGHT} y1={y(t)} y2={y(t)} />
          <text className="tick-label" x={LEFT - 6} y={y(t) + 4} textAnchor="end">
            {t}
          </text>
        </g>
      ))}
      <text className="axis-label" x={(LEFT + WIDTH - RIGHT) / 2} y={HEIGHT - 6} textAnchor="middle">
        Records screened
      </text>
      <text
        className="axis-label"
        x={12}
        y={(TOP + HEIGHT - BOTTOM) / 2}
        textAnchor="middle"
        transform={`rotate(-90 12 ${(TOP + HEIGHT - BOTTOM) / 2})`}
      >
        Includes found
      </text>
      {randomEnd && (
        <line className="random-line" x1={x(0)} y1={y(0)} x2={x(randomEnd.screened)} y2={y(randomEnd.included)} />
      )}
      <path className="curve" d={path} fill="none" />
    </svg>
  );
}
