import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";

type Outputs = inferRouterOutputs<AppRouter>["calibration"];

export type RoundSummary = Outputs["rounds"][number];
export type CalibrationView = Outputs["view"];
export type CriteriaVersion = Outputs["criteriaHistory"][number];

export const STATISTIC_LABELS = { cohen: "Cohen's kappa", fleiss: "Fleiss' kappa" } as const;

/** A kappa for reading: two decimals with a true minus sign; a dash when it cannot be computed. */
export function kappaText(kappa: number | null): string {
  return kappa === null ? "—" : kappa.toFixed(2).replace("-", "−");
}

export function percentText(share: number | null): string {
  return share === null ? "—" : `${Math.round(share * 100)} %`;
}
