"use client";
import type { LiveState } from "./use-live-review";

const TEXT: Record<LiveState, string> = {
  connecting: "Connecting…",
  live: "Live",
  reconnecting: "Reconnecting…",
};

/**
 * Whether the figures beside it keep themselves current. A polite status: screen readers hear it when it changes
 * (going live, losing the connection), never with each update.
 */
export function LiveStatus({ state }: { state: LiveState }) {
  return (
    <p className={`live-status live-${state}`} role="status">
      <span className="live-dot" aria-hidden="true" />
      {TEXT[state]}
      {state === "reconnecting" && <span className="live-note"> (figures may be out of date)</span>}
    </p>
  );
}
