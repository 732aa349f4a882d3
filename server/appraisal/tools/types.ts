// The shape every appraisal tool shares, so forms, comparison, plots and exports need no per-tool code.

import type { ToolName } from "../../studies/designs";

// The tools' names are the studies' vocabulary (a study's design picks its tool), so they live with the designs.
export { TOOL_NAMES, type ToolName } from "../../studies/designs";

/** The five RoB 2 / ROBINS-I answers; conditional questions add "not applicable", a few leave out "no information". */
export const SIGNALLING_OPTIONS = ["Y", "PY", "PN", "N", "NI"] as const;
export const WITH_NA = [...SIGNALLING_OPTIONS, "NA"] as const;
export const OPTION_LABELS: Record<string, string> = {
  Y: "Yes",
  PY: "Probably yes",
  PN: "Probably no",
  N: "No",
  NI: "No information",
  NA: "Not applicable",
  yes: "Yes",
  no: "No",
  unclear: "Unclear",
};

export type Responses = Readonly<Record<string, string | undefined>>;

export interface Question {
  id: string;
  text: string;
  options: readonly string[];
  /**
   * The condition the tool prints before a question ("If Y/PY to 2.3: …"), read on the answers as asked. While it
   * is not met the question is not asked: the form hides it and the algorithm reads it as NA.
   */
  when?: (responses: Responses) => boolean;
  /** A consideration a trial design's guidance adds to the question (crossover trials' paired analysis), shown under it. */
  note?: string;
}

/** What a colour in the plots means; `tone` picks the colour (robvis' palette), `rank` orders severity. */
export interface JudgementLevel {
  value: string;
  label: string;
  tone: "low" | "moderate" | "serious" | "critical" | "unclear" | "none";
  rank: number;
}

export interface DomainDefinition {
  id: string;
  /** Shown on the plots' axis ("D1"…). */
  short: string;
  label: string;
  questions: readonly Question[];
  /** The guidance's algorithm: a judgement, or null while the answers it needs are missing. */
  propose?: (responses: Responses) => string | null;
  /** Where the algorithm maps only some answers: what the form says when these answers leave the judgement open. */
  unproposed?: (responses: Responses) => string | null;
}

/** One way of asking a domain, chosen per appraisal (RoB 2's domain 2: effect of assignment or of adhering). */
export interface VariantOption {
  id: string;
  label: string;
  /** Named in plot legends and export headers next to the domain's generic label. */
  short: string;
  domain: DomainDefinition;
}

export interface ToolVariants {
  /** The domain the variants replace; the first option is what the tool's own `domains` hold. */
  domainId: string;
  prompt: string;
  /** The domain's name whatever the variant, for plots and tables mixing appraisals of both. */
  genericLabel: string;
  options: readonly VariantOption[];
}

/** A trial design whose additional considerations add domains to the tool (RoB 2: cluster-randomised, crossover). */
export interface DesignOption {
  id: string;
  label: string;
  /** Each added domain goes right after the domain named by `after`. */
  adds: readonly { after: string; domain: DomainDefinition }[];
  /**
   * Standard domains this design asks in its own words (cluster trials' 2.1a/2.1b, 3.1a/3.1b, 4.3a/4.3b): `by`
   * takes the place of `of` wherever `of` is asked, keeping its id so plots and exports line up across designs.
   */
  replaces?: readonly { of: DomainDefinition; by: DomainDefinition }[];
}

export interface ToolDesigns {
  prompt: string;
  /** The first option adds nothing: it is the design the tool's own `domains` are for. */
  options: readonly DesignOption[];
}

export interface ToolDefinition {
  name: ToolName;
  label: string;
  /** Raised whenever the questions change, so answers are always read against the form they were given on. */
  version: number;
  levels: readonly JudgementLevel[];
  domains: readonly DomainDefinition[];
  /** Combines the final domain judgements into an overall one; null for a tool whose authors advise against it. */
  overall: ((domainJudgements: readonly string[]) => string) | null;
  /** A case the overall rule leaves to the appraiser, said next to the overall judgement when the domains meet it. */
  overallCaution?: (domainJudgements: readonly (string | null)[]) => string | null;
  reference: string;
  variants?: ToolVariants;
  designs?: ToolDesigns;
}

export function isYes(answer: string | undefined): boolean {
  return answer === "Y" || answer === "PY";
}

export function isNo(answer: string | undefined): boolean {
  return answer === "N" || answer === "PN";
}

/** Y/PY, or NI: the answers most of the tools' conditions send onwards together. */
export function isYesOrNI(answer: string | undefined): boolean {
  return isYes(answer) || answer === "NI";
}

export function isNoOrNI(answer: string | undefined): boolean {
  return isNo(answer) || answer === "NI";
}

export function q(
  id: string,
  text: string,
  options: readonly string[] = SIGNALLING_OPTIONS,
  when?: (responses: Responses) => boolean,
): Question {
  return when ? { id, text, options, when } : { id, text, options };
}
