// Validity of conclusions: does what the authors conclude follow from what they did? Sift's own structured
// critique for every study. Each item proposes a judgement from a few factual questions; the appraiser adds
// the supporting quote and may override with a reason.
import { TOOL_LABELS } from "../../studies/designs";
import { isNo, isYes, q, type Responses, type ToolDefinition } from "./types";

const YN = ["Y", "PY", "PN", "N", "NI"] as const;
const CLAIMS = ["efficacy", "safety", "feasibility", "none"] as const;

const SUPPORTED = "supported";
const PARTLY = "partly_supported";
const UNSUPPORTED = "unsupported";
const NOT_APPLICABLE = "not_applicable";

/** An efficacy claim needs a concurrent control; without randomisation and blinding it is only partly supported. */
export function conclusionFromDesign(r: Responses): string | null {
  const claim = r["V1.1"];
  if (!claim) return null;
  if (claim === "none") return NOT_APPLICABLE;
  if (claim !== "efficacy") return SUPPORTED;
  if (!r["V1.2"]) return null;
  if (!isYes(r["V1.2"])) return UNSUPPORTED;
  if (!r["V1.3"] || !r["V1.4"]) return null;
  return isYes(r["V1.3"]) && isYes(r["V1.4"]) ? SUPPORTED : PARTLY;
}

/** A mechanism is backed when the proposed mediators were measured, and compared with controls. */
export function mechanismBacked(r: Responses): string | null {
  if (!r["V2.1"]) return null;
  if (isNo(r["V2.1"])) return NOT_APPLICABLE;
  if (!r["V2.2"]) return null;
  if (!isYes(r["V2.2"])) return UNSUPPORTED;
  if (!r["V2.3"]) return null;
  return isYes(r["V2.3"]) ? SUPPORTED : PARTLY;
}

const RATIONALE = ["V3.1", "V3.2", "V3.3", "V3.4", "V3.5"];

/** Each shortfall of the preclinical basis (model, dose, timing, blinding, size) weakens it; three or more fail it. */
export function preclinicalRationale(r: Responses): string | null {
  if (RATIONALE.some((id) => !r[id])) return null;
  if (RATIONALE.every((id) => r[id] === "NA")) return NOT_APPLICABLE;
  const shortfalls = RATIONALE.filter((id) => r[id] !== "NA" && !isYes(r[id])).length;
  if (shortfalls === 0) return SUPPORTED;
  return shortfalls >= 3 ? UNSUPPORTED : PARTLY;
}

/** The weakest item decides. */
export function validityOverall(judgements: readonly string[]): string {
  const rated = judgements.filter((j) => j !== NOT_APPLICABLE);
  if (rated.length === 0) return NOT_APPLICABLE;
  if (rated.includes(UNSUPPORTED)) return UNSUPPORTED;
  return rated.includes(PARTLY) ? PARTLY : SUPPORTED;
}

const WITH_NA = [...YN, "NA"] as const;

export const VALIDITY: ToolDefinition = {
  name: "validity_of_conclusions",
  label: TOOL_LABELS.validity_of_conclusions,
  version: 1,
  reference:
    "Sift's structured critique of whether the conclusions follow from the design, measurements and preclinical basis.",
  levels: [
    { value: SUPPORTED, label: "Supported", tone: "low", rank: 0 },
    { value: PARTLY, label: "Partly supported", tone: "moderate", rank: 1 },
    { value: UNSUPPORTED, label: "Unsupported", tone: "serious", rank: 2 },
    { value: NOT_APPLICABLE, label: "Not applicable", tone: "none", rank: 3 },
  ],
  domains: [
    {
      id: "V1",
      short: "Design",
      label: "Does the stated conclusion follow from the design?",
      propose: conclusionFromDesign,
      questions: [
        q("V1.1", "What do the authors conclude? (efficacy, safety only, feasibility only, or no conclusion)", CLAIMS),
        q("V1.2", "Was there a concurrent control group (placebo, sham or untreated)?", WITH_NA),
        q("V1.3", "Was allocation to groups randomised?", WITH_NA),
        q("V1.4", "Were participants and outcome assessors blinded?", WITH_NA),
      ],
    },
    {
      id: "V2",
      short: "Mechanism",
      label: "Is the claimed mechanism backed by measurements?",
      propose: mechanismBacked,
      questions: [
        q(
          "V2.1",
          "Do the authors claim a mechanism of action (e.g. neurotrophic support, immunomodulation, cell replacement)?",
          YN,
        ),
        q(
          "V2.2",
          "Were the proposed mediators measured (e.g. CSF neurotrophic factors, inflammatory markers, engraftment)?",
          WITH_NA,
        ),
        q("V2.3", "Were they compared between treated and control participants or animals?", WITH_NA),
      ],
    },
    {
      id: "V3",
      short: "Preclinical",
      label: "Is the preclinical rationale adequate?",
      propose: preclinicalRationale,
      questions: [
        q(
          "V3.1",
          "Model: does the animal model reflect the patients treated (e.g. SOD1-G93A for familial vs sporadic ALS)?",
          WITH_NA,
        ),
        q("V3.2", "Dose translation: was the human dose derived from the effective animal dose?", WITH_NA),
        q("V3.3", "Timing: were animals treated at or after symptom onset, as patients are?", WITH_NA),
        q("V3.4", "Blinding: were the animal outcomes assessed blind to treatment?", WITH_NA),
        q(
          "V3.5",
          "Sample size: were group sizes justified by a power calculation, or large enough to be informative?",
          WITH_NA,
        ),
      ],
    },
  ],
  overall: validityOverall,
};
