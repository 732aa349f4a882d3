// The results a study's extraction reports, offered when an appraiser names the result an RoB 2 or ROBINS-I
// appraisal assesses: each result row's outcome (a form's outcome field) and its time point (the field with id
// "time_point" in the same row, as the shipped templates have it). Read from the study's consensus extraction and
// the member's own, never from a co-extractor's, whose work stays blinded.
import type { Db } from "../db/client";
import { FormDefinition } from "../extraction/form-definition";
import type { MemberScope } from "../shared/actor";
import type { ResultRef } from "./result-ref";

export async function offeredResults(db: Db, member: MemberScope, studyId: string): Promise<ResultRef[]> {
  const extractions = await db.extraction.findMany({
    where: {
      reviewId: member.reviewId,
      studyId,
      OR: [{ isConsensus: true }, { extractorId: member.actorId, isConsensus: false }],
    },
    select: {
      formVersion: { select: { definition: true } },
      values: { select: { fieldId: true, instanceKey: true, value: true } },
    },
  });
  const offered: ResultRef[] = [];
  for (const extraction of extractions) {
    const parsed = FormDefinition.safeParse(extraction.formVersion.definition);
    if (!parsed.success) continue;
    for (const section of parsed.data.sections) {
      const outcomeField = section.fields.find((f) => f.type === "outcome_ref");
      if (!section.repeat || !outcomeField) continue;
      const timeField = section.fields.find((f) => f.id === "time_point");
      const rows = new Map<string, { outcomeId?: string; timePoint?: string }>();
      for (const v of extraction.values) {
        const row = rows.get(v.instanceKey) ?? {};
        if (v.fieldId === outcomeField.id && typeof v.value === "string") row.outcomeId = v.value;
        if (timeField && v.fieldId === timeField.id && typeof v.value === "string") row.timePoint = v.value.trim();
        rows.set(v.instanceKey, row);
      }
      for (const row of rows.values()) {
        if (!row.outcomeId) continue;
        const ref = { outcomeId: row.outcomeId, timePoint: (row.timePoint ?? "").replace(/\s+/g, " ") };
        if (!offered.some((o) => o.outcomeId === ref.outcomeId && o.timePoint === ref.timePoint)) offered.push(ref);
      }
    }
  }
  return offered;
}
