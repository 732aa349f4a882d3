// One extractor's work on one study: assignment, the blinded view of their own values, saving and completing.
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Db, Tx } from "../db/client";
import { AppError } from "../errors/app-error";
import { outcomeNames } from "../outcomes/review-outcomes";
import type { ActorScope, MemberScope } from "../shared/actor";
import { hasRole } from "../shared/roles";
import { readDefinition } from "./form-definition";
import { latestVersion } from "./forms";
import { brokenReference } from "./references";
import { checkValues, missingRequired, type SubmittedValue, writeValues } from "./values";
import { diffVersions } from "./version-diff";

interface Target {
  formId: string;
  studyId: string;
}

export async function findStudy(db: Db | Tx, reviewId: string, studyId: string) {
  const study = await db.study.findFirst({
    where: { id: studyId, reviewId },
    select: { id: true, label: true, design: true },
  });
  if (!study) throw new AppError("NOT_FOUND", "That study does not exist in this review.");
  return study;
}

async function lockStudy(tx: Tx, studyId: string) {
  await tx.$queryRaw`SELECT id FROM studies WHERE id = ${studyId} FOR UPDATE`;
}

/** The consensus of a study under any version of the form, if a lead has recorded one. */
export async function findConsensus(db: Db | Tx, target: Target) {
  return db.extraction.findFirst({
    where: { studyId: target.studyId, isConsensus: true, formVersion: { formId: target.formId } },
  });
}

/** Sets who extracts a study; an extractor who has entered values cannot be taken off (their work would be lost). */
export async function assignExtractors(db: Db, scope: ActorScope, input: Target & { extractorIds: string[] }) {
  return db.$transaction(async (tx) => {
    const study = await findStudy(tx, scope.reviewId, input.studyId);
    const { form, latest } = await latestVersion(tx, scope.reviewId, input.formId);
    await lockStudy(tx, study.id);
    const wanted = [...new Set(input.extractorIds)];
    if (wanted.length > form.extractorsPerStudy) {
      throw new AppError(
        "INVALID_INPUT",
        `This form has ${form.extractorsPerStudy} extractor${form.extractorsPerStudy === 1 ? "" : "s"} per study; choose no more.`,
      );
    }
    const members = await tx.membership.findMany({
      where: { reviewId: scope.reviewId, userId: { in: wanted }, removedAt: null },
    });
    if (members.length !== wanted.length || members.some((m) => !hasRole(m.role, "reviewer"))) {
      throw new AppError(
        "INVALID_INPUT",
        "Extractors must be members of this review with the reviewer role or higher.",
      );
    }
    const current = await tx.extraction.findMany({
      where: { studyId: study.id, isConsensus: false, formVersion: { formId: form.id } },
      include: { _count: { select: { values: true } } },
    });
    for (const e of current.filter((e) => !wanted.includes(e.extractorId))) {
      if (e._count.values > 0)
        throw new AppError("INVALID_INPUT", "An extractor who has entered values cannot be taken off this study.");
      await tx.extraction.delete({ where: { id: e.id } });
    }
    for (const extractorId of wanted.filter((id) => !current.some((e) => e.extractorId === id))) {
      await tx.extraction.create({
        data: { reviewId: scope.reviewId, studyId: study.id, formVersionId: latest.id, extractorId },
      });
    }
    await recordAuditEvent(tx, {
      reviewId: scope.reviewId,
      actorId: scope.actorId,
      action: "extraction.assigned",
      entityType: "study",
      entityId: study.id,
      data: { formId: form.id, extractorIds: wanted },
    });
  });
}

/** The study and its reports, for reading beside the form. */
export async function studyWithReports(db: Db, reviewId: string, studyId: string) {
  const study = await findStudy(db, reviewId, studyId);
  const reports = await db.report.findMany({
    where: { studyId, reviewId },
    select: {
      id: true,
      fileKey: true,
      fileName: true,
      url: true,
      record: {
        select: { title: true, abstract: true, authors: true, year: true, journal: true, doi: true, nctIds: true },
      },
    },
    orderBy: { createdAt: "asc" },
  });
  return { ...study, reports: reports.map(({ fileKey, ...r }) => ({ ...r, hasFile: fileKey !== null })) };
}

async function ownExtraction(db: Db | Tx, userId: string, target: Target) {
  const extraction = await db.extraction.findFirst({
    where: { studyId: target.studyId, extractorId: userId, isConsensus: false, formVersion: { formId: target.formId } },
    include: { formVersion: true, values: { select: { fieldId: true, instanceKey: true, value: true } } },
  });
  if (!extraction) throw new AppError("FORBIDDEN", "You are not assigned to extract this study with this form.");
  return extraction;
}

/** An extractor's own extraction and nothing of anyone else's: blinding holds until a lead records consensus. */
export async function myExtraction(db: Db, actor: ActorScope, target: Target) {
  const { reviewId, actorId } = actor;
  const study = await studyWithReports(db, reviewId, target.studyId);
  const { latest, definition } = await latestVersion(db, reviewId, target.formId);
  const extraction = await ownExtraction(db, actorId, target);
  const own = readDefinition(extraction.formVersion.definition);
  return {
    study,
    formVersionId: latest.id,
    version: latest.version,
    definition,
    extractedUnder: extraction.formVersion.version,
    /** What changed since the version this extraction was last saved under; values carry over by field id. */
    changesSince: extraction.formVersion.id === latest.id ? [] : diffVersions(own, definition),
    values: extraction.values,
    completedAt: extraction.completedAt,
    consensusRecorded: (await findConsensus(db, target)) !== null,
  };
}

interface SaveInput extends Target {
  formVersionId: string;
  values: SubmittedValue[];
}

async function editableExtraction(tx: Tx, scope: ActorScope, input: Target & { formVersionId: string }) {
  await findStudy(tx, scope.reviewId, input.studyId);
  const { latest, definition } = await latestVersion(tx, scope.reviewId, input.formId);
  await lockStudy(tx, input.studyId);
  if (input.formVersionId !== latest.id) {
    throw new AppError(
      "STALE",
      `The form was changed and is now version ${latest.version}. Reload to see what changed; your values are kept.`,
    );
  }
  const extraction = await ownExtraction(tx, scope.actorId, input);
  if (await findConsensus(tx, input)) {
    throw new AppError("STALE", "A lead has recorded the consensus for this study; the extractions are closed.");
  }
  return { extraction, latest, definition };
}

export async function saveExtractionValues(db: Db, scope: ActorScope, input: SaveInput) {
  return db.$transaction(async (tx) => {
    const { extraction, latest, definition } = await editableExtraction(tx, scope, input);
    const checked = checkValues(definition, input.values);
    const changed = await writeValues(tx, extraction.id, checked);
    const now = await tx.extractionValue.findMany({
      where: { extractionId: extraction.id },
      select: { fieldId: true, instanceKey: true, value: true },
    });
    // Checked on the whole extraction as saved, so removing an arm a result row still names is refused too.
    const broken = brokenReference(definition, now, new Set((await outcomeNames(tx, scope.reviewId)).keys()));
    if (broken) throw new AppError("INVALID_INPUT", broken);
    await tx.extraction.update({
      where: { id: extraction.id },
      data: { formVersionId: latest.id, updatedAt: new Date() },
    });
    if (changed.length > 0 || extraction.formVersionId !== latest.id) {
      await recordAuditEvent(tx, {
        reviewId: scope.reviewId,
        actorId: scope.actorId,
        action: "extraction.values_saved",
        entityType: "extraction",
        entityId: extraction.id,
        data: { studyId: input.studyId, version: latest.version, fieldIds: changed },
      });
    }
    return { changed: changed.length };
  });
}

/** `items`: per repeating section, the items on the extractor's screen, empty ones too, which must be filled in. */
export async function completeExtraction(
  db: Db,
  scope: ActorScope,
  input: Target & { formVersionId: string; items?: Record<string, string[]> },
) {
  return db.$transaction(async (tx) => {
    const { extraction, latest, definition } = await editableExtraction(tx, scope, input);
    const missing = missingRequired(definition, extraction.values, input.items);
    if (missing.length > 0)
      throw new AppError(
        "INVALID_INPUT",
        `Fill in the required fields first: ${missing.join(", ")}. An item not needed can be removed.`,
      );
    await tx.extraction.update({
      where: { id: extraction.id },
      data: { completedAt: new Date(), formVersionId: latest.id },
    });
    await recordAuditEvent(tx, {
      reviewId: scope.reviewId,
      actorId: scope.actorId,
      action: "extraction.completed",
      entityType: "extraction",
      entityId: extraction.id,
      data: { studyId: input.studyId, version: latest.version },
    });
  });
}

/**
 * Studies with extraction progress for one form. Leads see every extractor's status; others see only their own
 * and whether consensus exists, so nobody learns how far a co-extractor has got.
 */
export async function extractionWorklist(db: Db, member: MemberScope, formId: string) {
  const { reviewId } = member;
  const { form } = await latestVersion(db, reviewId, formId);
  const isLead = hasRole(member.role, "lead");
  const studies = await db.study.findMany({
    where: { reviewId },
    select: {
      id: true,
      label: true,
      design: true,
      _count: { select: { reports: true } },
      extractions: {
        where: {
          formVersion: { formId: form.id },
          ...(isLead ? {} : { OR: [{ extractorId: member.actorId, isConsensus: false }, { isConsensus: true }] }),
        },
        select: {
          extractorId: true,
          isConsensus: true,
          completedAt: true,
          extractor: { select: { name: true } },
          formVersion: { select: { version: true } },
        },
      },
    },
    orderBy: { label: "asc" },
  });
  return studies.map((s) => {
    const extractors = s.extractions.filter((e) => !e.isConsensus);
    const mine = extractors.find((e) => e.extractorId === member.actorId);
    return {
      id: s.id,
      label: s.label,
      design: s.design,
      reports: s._count.reports,
      mine: mine ? { completed: mine.completedAt !== null, version: mine.formVersion.version } : null,
      extractors: isLead
        ? extractors.map((e) => ({ id: e.extractorId, name: e.extractor.name, completed: e.completedAt !== null }))
        : null,
      consensus: s.extractions.some((e) => e.isConsensus),
    };
  });
}
