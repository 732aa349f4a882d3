// Where the validity-of-conclusions pre-fill is read from: the study's recorded consensus extraction.
import type { Db, Tx } from "../db/client";
import { readDefinition } from "../extraction/form-definition";
import { type ValidityPrefill, validityPrefill } from "./validity-prefill";

export interface ValidityPrefillFromExtraction extends ValidityPrefill {
  source: { form: string; version: number; recordedAt: Date };
}

/**
 * The pre-fill from the study's most recently recorded consensus extraction that says anything the validity
 * questions read (a review may have a clinical and a preclinical form); null when there is none. Extractors' own
 * values never count: they are blinded work until their consensus.
 */
export async function validityPrefillFor(
  db: Db | Tx,
  reviewId: string,
  studyId: string,
): Promise<ValidityPrefillFromExtraction | null> {
  const consensuses = await db.extraction.findMany({
    where: { reviewId, studyId, isConsensus: true, completedAt: { not: null } },
    orderBy: { completedAt: "desc" },
    select: {
      completedAt: true,
      values: { select: { fieldId: true, instanceKey: true, value: true } },
      formVersion: { select: { version: true, definition: true, form: { select: { name: true } } } },
    },
  });
  for (const c of consensuses) {
    const prefill = validityPrefill(readDefinition(c.formVersion.definition), c.values);
    if (prefill.notes.length === 0) continue;
    return {
      ...prefill,
      source: { form: c.formVersion.form.name, version: c.formVersion.version, recordedAt: c.completedAt! },
    };
  }
  return null;
}
