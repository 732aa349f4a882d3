// The recorded consensus judgement of one result, for the analyses that pool it (sensitivity analyses by risk of
// bias, GRADE's risk-of-bias domain): the study's RoB 2 or ROBINS-I consensus for that outcome at that time point,
// or for the whole study with the per-study tools. Pure, over the rows consensusResults returns.
import { type ResultRef, sameResult } from "./result-ref";

export interface ConsensusResult extends ResultRef {
  studyId: string;
  overall: string | null;
  judgements: readonly (string | null)[];
}

export interface ResultQuery {
  studyId: string;
  outcomeId: string;
  timePoint: string;
}

/**
 * The consensus for study S, outcome O, time point T; null when none is recorded for that result. An appraisal whose
 * result is not named, or names another time point, is never used for it: the analysis then shows the result as
 * not appraised rather than borrowing another result's judgement.
 */
export function consensusJudgementFor<T extends ConsensusResult>(rows: readonly T[], query: ResultQuery): T | null {
  return rows.find((r) => r.studyId === query.studyId && sameResult(r, query)) ?? null;
}
