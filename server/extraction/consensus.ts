// The lead's side of dual extraction: every extractor's values field by field, and the consensus they record.
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Db } from "../db/client";
import { AppError } from "../errors/app-error";
import { outcomeNames } from "../outcomes/review-outcomes";
import { compareExtractions } from "./compare-extractions";
import { findConsensus, findStudy, studyWithReports } from "./extractions";
import { latestVersion } from "./forms";
import { brokenReference } from "./references";
import { checkValues, missingRequired, type SubmittedValue, writeValues } from "./values";

interface Target {
  formId: string;
  studyId: string;
}

/** For leads only (the router enforces it): this is where extractors' values meet. */
export async function compareStudy(db: Db, reviewId: string, target: Target) {
  const study = await studyWithReports(db, reviewId, target.studyId);
  const { latest, definition } = await latestVersion(db, reviewId, target.formId);
  const extractions = await db.extraction.findMany({
    where: { studyId: study.id, isConsensus: false, formVersion: { formId: target.formId } },
    include: {
      extractor: { select: { id: true, name: true } },
      formVersion: { select: { version: true } },
      values: { select: { fieldId: true, instanceKey: true, value: true } },
    },
    orderBy: { createdAt: "asc" },
  });
  const consensus = await db.extraction.findFirst({
    where: { studyId: study.id, isConsensus: true, formVersion: { formId: target.formId } },
    include: {
      values: { select: { fieldId: true, instanceKey: true, value: true } },
      extractor: { select: { name: true } },
    },
  });
  const outcomes = await outcomeNames(db, reviewId);
  const rows = compareExtractions(
    definition,
    extractions.map((e) => e.values),
    outcomes,
  );
  return {
    study,
    formVersionId: latest.id,
    version: latest.version,
    definition,
    extractors: extractions.map((e) => ({
      id: e.extractor.id,
      name: e.extractor.name,
      completed: e.completedAt !== null,
      version: e.formVersion.version,
    })),
    rows,
    /** The review's outcomes by id, so the screen names the outcome a result row chose. */
    outcomes: Object.fromEntries(outcomes),
    differences: rows.filter((r) => !r.agree).length,
    consensus: consensus
      ? { recordedBy: consensus.extractor.name, recordedAt: consensus.completedAt, values: consensus.values }
      : null,
  };
}

export async function recordConsensus(
  db: Db,
  scope: { reviewId: string; actorId: string },
  input: Target & { formVersionId: string; values: SubmittedValue[] },
) {
  return db.$transaction(async (tx) => {
    const study = await findStudy(tx, scope.reviewId, input.studyId);
    const { latest, definition } = await latestVersion(tx, scope.reviewId, input.formId);
    await tx.$queryRaw`SELECT id FROM studies WHERE id = ${study.id} FOR UPDATE`;
    if (input.formVersionId !== latest.id) {
      throw new AppError(
        "STALE",
        `The form was changed and is now version ${latest.version}. Reload the comparison; nothing was saved.`,
      );
    }
    const extractions = await tx.extraction.findMany({
      where: { studyId: study.id, isConsensus: false, formVersion: { formId: input.formId } },
    });
    if (extractions.length === 0) throw new AppError("INVALID_INPUT", "Nobody has extracted this study yet.");
    if (extractions.some((e) => e.completedAt === null)) {
      throw new AppError(
        "INVALID_INPUT",
        "Every extractor must complete their extraction before the consensus is recorded.",
      );
    }
    const checked = checkValues(definition, input.values);
    const kept = checked.filter((v) => v.value !== null);
    const missing = missingRequired(definition, kept);
    if (missing.length > 0)
      throw new AppError("INVALID_INPUT", `The consensus leaves required fields empty: ${missing.join(", ")}.`);
    const broken = brokenReference(definition, kept, new Set((await outcomeNames(tx, scope.reviewId)).keys()));
    if (broken) throw new AppError("INVALID_INPUT", broken);

    const existing = await findConsensus(tx, input);
    const consensus = existing
      ? await tx.extraction.update({
          where: { id: existing.id },
          data: { formVersionId: latest.id, extractorId: scope.actorId, completedAt: new Date() },
        })
      : await tx.extraction.create({
          data: {
            reviewId: scope.reviewId,
            studyId: study.id,
            formVersionId: latest.id,
            extractorId: scope.actorId,
            isConsensus: true,
            completedAt: new Date(),
          },
        });
    // The consensus is the whole set the lead submitted: values not in it are cleared.
    const submitted = new Set(kept.map((v) => `${v.fieldId}\u0000${v.instanceKey}`));
    const stale = await tx.extractionValue.findMany({
      where: { extractionId: consensus.id },
      select: { fieldId: true, instanceKey: true },
    });
    const cleared = stale
      .filter((v) => !submitted.has(`${v.fieldId}\u0000${v.instanceKey}`))
      .map((v) => ({ ...v, value: null }));
    const changed = await writeValues(tx, consensus.id, [...kept, ...cleared]);
    await recordAuditEvent(tx, {
      reviewId: scope.reviewId,
      actorId: scope.actorId,
      action: existing ? "extraction.consensus_changed" : "extraction.consensus_recorded",
      entityType: "extraction",
      entityId: consensus.id,
      data: { studyId: study.id, formId: input.formId, version: latest.version, fieldIds: changed },
    });
    return { consensusId: consensus.id };
  });
}
