// Leave-one-out sensitivity analysis, as metafor's leave1out(): the same model refitted without each study in turn;
// from 3 studies on, so that every refit still pools at least two.
import { effectsOf, pool, type ResolvedOptions } from "./analyse";
import type { Pooled } from "./pooled";
import type { Study } from "./types";

export interface LeftOut {
  label: string;
  pooled: Pooled;
}

export function leaveOneOut(options: ResolvedOptions, studies: readonly Study[]): LeftOut[] {
  if (studies.length < 3) return [];
  const effects = effectsOf(options, studies);
  return studies.map((s, i) => ({
    label: s.label,
    pooled: pool(
      options,
      studies.filter((_, j) => j !== i),
      effects.filter((_, j) => j !== i),
    ),
  }));
}
