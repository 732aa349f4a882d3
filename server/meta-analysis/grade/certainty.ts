// The certainty of a body of evidence for one outcome, the GRADE way (GRADE Handbook, Schünemann et al. 2013,
// section 5; Balshem et al. 2011, GRADE guidelines 3, J Clin Epidemiol 64:401–406): randomised evidence starts
// High, non-randomised Low; each of five domains may rate it down one level (serious) or two (very serious); only
// non-randomised evidence may be rated up, for a large effect, a dose–response gradient or plausible confounding
// that would have reduced the effect (section 5.3; GRADE guidelines 9, Guyatt et al. 2011, 64:1311–1316), and only
// when nothing rated it down. Every rating carries its reason, as a Summary of findings table's footnotes need.
import { AppError } from "../../errors/app-error";

export const STUDY_DESIGNS = ["randomised", "non-randomised"] as const;
export type StudyDesign = (typeof STUDY_DESIGNS)[number];

export const CONCERNS = ["not serious", "serious", "very serious"] as const;
export type Concern = (typeof CONCERNS)[number];

/** High to Very low, best first. */
export const CERTAINTIES = ["High", "Moderate", "Low", "Very low"] as const;
export type Certainty = (typeof CERTAINTIES)[number];

export const DOMAINS = ["risk of bias", "inconsistency", "indirectness", "imprecision", "publication bias"] as const;
export type Domain = (typeof DOMAINS)[number];

/** Where each domain is defined: the GRADE Handbook section and the GRADE guidelines paper. */
export const DOMAIN_SOURCES: Record<Domain, string> = {
  "risk of bias": "GRADE Handbook 5.2.1; Guyatt et al. 2011, GRADE guidelines 4, J Clin Epidemiol 64:407–415",
  inconsistency: "GRADE Handbook 5.2.2; Guyatt et al. 2011, GRADE guidelines 7, J Clin Epidemiol 64:1294–1302",
  indirectness: "GRADE Handbook 5.2.3; Guyatt et al. 2011, GRADE guidelines 8, J Clin Epidemiol 64:1303–1310",
  imprecision: "GRADE Handbook 5.2.4; Guyatt et al. 2011, GRADE guidelines 6, J Clin Epidemiol 64:1283–1293",
  "publication bias": "GRADE Handbook 5.2.5; Guyatt et al. 2011, GRADE guidelines 5, J Clin Epidemiol 64:1277–1282",
};

export interface Rating {
  concern: Concern;
  reason: string;
}

export interface Upgrades {
  /** One level for a large effect (e.g. RR > 2 or < 0.5), two for a very large one (> 5 or < 0.2). */
  largeEffect?: { levels: 1 | 2; reason: string };
  doseResponse?: { reason: string };
  /** Plausible residual confounding would have reduced the effect seen (or suggests a spurious effect when none was). */
  confounding?: { reason: string };
}

export interface GradeInput {
  design: StudyDesign;
  ratings: Record<Domain, Rating>;
  upgrades?: Upgrades;
}

export interface GradeStep {
  what: Domain | "large effect" | "dose–response" | "plausible confounding";
  /** Levels: −2, −1, 0, +1, +2. */
  change: number;
  reason: string;
}

export interface GradeResult {
  design: StudyDesign;
  start: Certainty;
  steps: GradeStep[];
  certainty: Certainty;
  /** Upgrades asked for but not applied, with why. */
  notes: string[];
}

const LEVELS_DOWN: Record<Concern, number> = { "not serious": 0, serious: 1, "very serious": 2 };

/** ⊕⊕⊕⊕ High … ⊕◯◯◯ Very low, as GRADEpro prints it. */
export function certaintySymbols(c: Certainty): string {
  const filled = 4 - CERTAINTIES.indexOf(c);
  return "⊕".repeat(filled) + "◯".repeat(4 - filled);
}

export function gradeCertainty(input: GradeInput): GradeResult {
  const startLevel = input.design === "randomised" ? 4 : 2;
  const steps: GradeStep[] = DOMAINS.map((d) => {
    const r = input.ratings[d];
    if (!r) throw new AppError("INVALID_INPUT", `GRADE needs a judgement on ${d}`);
    if (r.concern !== "not serious" && !r.reason.trim())
      throw new AppError("INVALID_INPUT", `rating down for ${d} needs a reason (it becomes the table's footnote)`);
    return { what: d, change: -LEVELS_DOWN[r.concern], reason: r.reason };
  });
  const notes: string[] = [];
  const up = input.upgrades ?? {};
  const asked: GradeStep[] = [
    ...(up.largeEffect
      ? [{ what: "large effect" as const, change: up.largeEffect.levels, reason: up.largeEffect.reason }]
      : []),
    ...(up.doseResponse ? [{ what: "dose–response" as const, change: 1, reason: up.doseResponse.reason }] : []),
    ...(up.confounding ? [{ what: "plausible confounding" as const, change: 1, reason: up.confounding.reason }] : []),
  ];
  if (asked.length && input.design === "randomised")
    throw new AppError(
      "INVALID_INPUT",
      "randomised evidence starts High and is not rated up (GRADE Handbook 5.3); rate up non-randomised evidence only",
    );
  const ratedDown = steps.some((s) => s.change < 0);
  if (asked.length && ratedDown)
    notes.push(
      `Not rated up for ${asked.map((a) => a.what).join(", ")}: GRADE rates up only evidence with no reason to rate it down (GRADE guidelines 9).`,
    );
  else steps.push(...asked);
  const level = Math.min(4, Math.max(1, startLevel + steps.reduce((s, x) => s + x.change, 0)));
  return {
    design: input.design,
    start: CERTAINTIES[4 - startLevel]!,
    steps,
    certainty: CERTAINTIES[4 - level]!,
    notes,
  };
}
