export interface LatencySummary {
  requests: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  meanMs: number;
  requestsPerSecond: number;
}

const round = (n: number, places = 2) => Math.round(n * 10 ** places) / 10 ** places;

/** Nearest-rank percentile: always a value that was actually measured, never an interpolation. */
export function percentile(samples: readonly number[], p: number): number {
  if (!samples.length) throw new Error("no samples");
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export function median(samples: readonly number[]): number {
  return percentile(samples, 50);
}

/** Throughput comes from the wall time of the whole batch, which is what concurrency changes. */
export function summarize(samplesMs: readonly number[], wallMs: number): LatencySummary {
  return {
    requests: samplesMs.length,
    p50Ms: round(percentile(samplesMs, 50)),
    p95Ms: round(percentile(samplesMs, 95)),
    p99Ms: round(percentile(samplesMs, 99)),
    meanMs: round(samplesMs.reduce((a, b) => a + b, 0) / samplesMs.length),
    requestsPerSecond: round((samplesMs.length / wallMs) * 1000, 0),
  };
}

export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

/** The machine-readable line each bench ends with; run-all and CI can grep for `{"bench":`. */
export function printResult(bench: string, figures: Record<string, unknown>): void {
  console.log(JSON.stringify({ bench, ...figures }));
}
