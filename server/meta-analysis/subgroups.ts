// Subgroup analysis with the test for subgroup differences as the Cochrane Handbook (ch. 10.11.3.1) and RevMan do
// it: each subgroup pooled on its own (its own τ² under random effects), then Cochran's Q across the subgroup
// estimates with inverse-variance weights, on (number of subgroups − 1) degrees of freedom. In metafor:
// rma(estimates, sei = SEs, method = "EE")'s QE over the per-subgroup fits.
import { effectsOf, pool, type ResolvedOptions } from "./analyse";
import { chisqPValue } from "./distributions";
import type { Pooled } from "./pooled";
import type { Study } from "./types";

export interface Subgroup {
  name: string;
  k: number;
  /** Null when the subgroup has a single study, whose own effect stands for it. */
  pooled: Pooled | null;
  estimate: number;
  se: number;
}

export interface SubgroupAnalysis {
  subgroups: Subgroup[];
  qBetween: number;
  df: number;
  p: number;
}

export function subgroupAnalysis(options: ResolvedOptions, studies: readonly Study[]): SubgroupAnalysis {
  const names = [...new Set(studies.map((s) => s.subgroup ?? ""))];
  const subgroups = names.map((name): Subgroup => {
    const members = studies.filter((s) => (s.subgroup ?? "") === name);
    const effects = effectsOf(options, members);
    const only = effects[0];
    if (members.length === 1 && only) return { name, k: 1, pooled: null, estimate: only.yi, se: Math.sqrt(only.vi) };
    const pooled = pool(options, members, effects);
    return { name, k: members.length, pooled, estimate: pooled.estimate, se: pooled.se };
  });
  const w = subgroups.map((g) => 1 / g.se ** 2);
  const total = w.reduce((s, x) => s + x, 0);
  const mean = subgroups.reduce((s, g, i) => s + (w[i] ?? 0) * g.estimate, 0) / total;
  const qBetween = subgroups.reduce((s, g, i) => s + (w[i] ?? 0) * (g.estimate - mean) ** 2, 0);
  const df = subgroups.length - 1;
  return { subgroups, qBetween, df, p: df > 0 ? chisqPValue(qBetween, df) : Number.NaN };
}
