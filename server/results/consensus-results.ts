// The consensus results of a form's studies read for one outcome × time point × comparison: the service an
// analysis calls to get the engine's input, each study included with its sources or left out with the reason.
import type { Db } from "../db/client";
import { AppError } from "../errors/app-error";
import { readDefinition } from "../extraction/form-definition";
import { type ArmRole, type ReadStudy, type ResultSelection, readResults } from "./read-results";

export interface ConsensusResultsInput {
  formId: string;
  outcomeId: string;
  time: ResultSelection["time"];
  comparison: { group1: ArmRole; group2: ArmRole };
  change?: ResultSelection["change"];
}

export async function consensusResults(db: Db, reviewId: string, input: ConsensusResultsInput): Promise<ReadStudy[]> {
  const outcome = await db.reviewOutcome.findFirst({ where: { id: input.outcomeId, reviewId } });
  if (!outcome) throw new AppError("NOT_FOUND", "That outcome is not on this review's outcome list.");
  const extractions = await db.extraction.findMany({
    where: { reviewId, isConsensus: true, formVersion: { formId: input.formId } },
    include: {
      study: { select: { id: true, label: true } },
      formVersion: { select: { definition: true } },
      values: { select: { fieldId: true, instanceKey: true, value: true } },
    },
  });
  const studies = extractions
    .map((e) => ({
      studyId: e.study.id,
      label: e.study.label,
      definition: readDefinition(e.formVersion.definition),
      values: e.values,
    }))
    .sort((a, b) => a.label.localeCompare(b.label));
  return readResults(studies, {
    outcome: { id: outcome.id, type: outcome.type },
    time: input.time,
    comparison: input.comparison,
    change: input.change,
  });
}
