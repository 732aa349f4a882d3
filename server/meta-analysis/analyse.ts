// One analysis from start to end: each study's effect, then the chosen model's pooled result, with the warnings a
// reader needs (k = 1: nothing is pooled; k = 2 under random effects: τ² rests on two studies). Egger's test rides
// along from 10 studies on.
import { AppError } from "../errors/app-error";
import { effectSize, petoEffect } from "./effect-sizes";
import { EGGER_MIN_STUDIES, type EggerTest, eggerTest } from "./egger";
import { fitFixed } from "./fixed";
import { fitMantelHaenszel, type MhMeasure } from "./mantel-haenszel";
import { fitPeto } from "./peto";
import type { Pooled } from "./pooled";
import { fitRandom } from "./random";
import type { BinaryArms, CiMethod, Effect, Measure, Model, Study, Tau2Method, VarianceType } from "./types";

export interface AnalysisOptions {
  measure: Measure;
  model: Model;
  /** Random effects only; REML unless given. */
  tau2Method?: Tau2Method;
  /** Random effects only; Hartung–Knapp–Sidik–Jonkman unless given (Cochrane Handbook ch. 10.10.4, as revised in 2025). */
  ci?: CiMethod;
  vtype?: VarianceType;
  level?: number;
}

export interface ResolvedOptions {
  measure: Measure;
  model: Model;
  tau2Method: Tau2Method | null;
  ci: CiMethod | null;
  vtype: VarianceType;
  level: number;
}

export interface StudyResult {
  label: string;
  yi: number;
  vi: number;
  /** Percent of the pooled estimate; null when nothing is pooled. */
  weight: number | null;
  corrected: boolean;
}

export interface AnalysisResult {
  options: ResolvedOptions;
  k: number;
  studies: StudyResult[];
  pooled: Pooled | null;
  egger: EggerTest | null;
  warnings: string[];
}

const MH_MEASURES: readonly Measure[] = ["RR", "OR", "RD"];

export function resolveOptions(o: AnalysisOptions): ResolvedOptions {
  if (o.model === "mh" && !MH_MEASURES.includes(o.measure))
    throw new AppError("INVALID_INPUT", `Mantel–Haenszel pools RR, OR or RD, not ${o.measure}`);
  if (o.model === "peto" && o.measure !== "OR")
    throw new AppError("INVALID_INPUT", `Peto's method gives an odds ratio: use --measure OR, not ${o.measure}`);
  const random = o.model === "random";
  if (!random && o.tau2Method)
    throw new AppError("INVALID_INPUT", `τ² is estimated only under random effects, not the ${o.model} model`);
  if (!random && o.ci === "hksj")
    throw new AppError("INVALID_INPUT", "Hartung–Knapp–Sidik–Jonkman applies to random effects only");
  if (o.vtype === "HO" && o.measure !== "MD" && o.measure !== "ROM")
    throw new AppError("INVALID_INPUT", `pooled-SD variances (HO) apply to MD and ROM, not ${o.measure}`);
  return {
    measure: o.measure,
    model: o.model,
    tau2Method: random ? (o.tau2Method ?? "REML") : null,
    ci: random ? (o.ci ?? "hksj") : null,
    vtype: o.vtype ?? "LS",
    level: o.level ?? 0.95,
  };
}

/** The pooled result for already computed effects (and, for MH and Peto, the 2×2 tables they came from). */
export function pool(options: ResolvedOptions, studies: readonly Study[], effects: readonly Effect[]): Pooled {
  switch (options.model) {
    case "fixed":
      return fitFixed(effects, options.level);
    case "random":
      return fitRandom(effects, {
        tau2Method: options.tau2Method ?? "REML",
        ci: options.ci ?? "hksj",
        level: options.level,
      });
    case "mh":
      return fitMantelHaenszel(
        options.measure as MhMeasure,
        studies.map((s) => s.data as BinaryArms),
        options.level,
      );
    case "peto":
      return fitPeto(
        studies.map((s) => s.data as BinaryArms),
        options.level,
      );
  }
}

export function effectsOf(options: ResolvedOptions, studies: readonly Study[]): Effect[] {
  if (options.model === "peto") return studies.map((s) => petoEffect(s.data as BinaryArms));
  return studies.map((s) => effectSize(options.measure, s.data, options.vtype));
}

export function analyse(studies: readonly Study[], options: AnalysisOptions): AnalysisResult {
  const resolved = resolveOptions(options);
  if (studies.length === 0) throw new AppError("INVALID_INPUT", "no studies to analyse");
  const effects = effectsOf(resolved, studies);
  effects.forEach((e, i) => {
    if (!(Number.isFinite(e.yi) && Number.isFinite(e.vi) && e.vi > 0))
      throw new AppError(
        "INVALID_INPUT",
        `${studies[i]?.label}: no effect can be computed (${resolved.measure} = ${e.yi}, variance ${e.vi}); check its SDs and counts`,
      );
  });
  const k = studies.length;
  const warnings: string[] = [];
  let pooled: Pooled | null = null;
  if (k === 1) warnings.push("one study: nothing is pooled; its own effect is the result");
  else pooled = pool(resolved, studies, effects);
  if (k === 2 && resolved.model === "random")
    warnings.push(
      "two studies: τ² (and so the random-effects weights, CI and prediction interval) is barely estimable",
    );
  if (effects.some((e) => e.corrected))
    warnings.push("1/2 was added to every cell of the studies with a zero cell to compute their own effects");
  return {
    options: resolved,
    k,
    studies: studies.map((s, i) => ({
      label: s.label,
      yi: effects[i]?.yi ?? Number.NaN,
      vi: effects[i]?.vi ?? Number.NaN,
      weight: pooled?.weights[i] ?? null,
      corrected: effects[i]?.corrected ?? false,
    })),
    pooled,
    egger: k >= EGGER_MIN_STUDIES ? eggerTest(effects) : null,
    warnings,
  };
}
