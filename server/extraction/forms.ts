// Extraction forms: made blank or from a shipped template, edited as a draft, published as immutable versions.
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Db, Tx } from "../db/client";
import { Prisma } from "../db/generated/client.ts";
import { AppError } from "../errors/app-error";
import { addTemplateOutcomes } from "../outcomes/review-outcomes";
import type { ActorScope } from "../shared/actor";
import { allFields, FormDefinition, type FormDefinitionInput, readDefinition } from "./form-definition";
import { TEMPLATES, type TemplateId } from "./templates";
import { TEMPLATE_OUTCOMES } from "./templates/template-outcomes";
import { diffVersions } from "./version-diff";

const BLANK: FormDefinitionInput = {
  sections: [{ id: "s_general", title: "General", fields: [{ id: "f_notes", label: "Notes", type: "long_text" }] }],
};

const json = (def: FormDefinition) => def as unknown as Prisma.InputJsonValue;

export async function findForm(db: Db | Tx, reviewId: string, formId: string) {
  const form = await db.extractionForm.findFirst({
    where: { id: formId, reviewId },
    include: { versions: { orderBy: { version: "desc" } } },
  });
  if (!form) throw new AppError("NOT_FOUND", "That extraction form does not exist in this review.");
  return form;
}

/** The newest published version, or a clear refusal when the form has never been published. */
export async function latestVersion(db: Db | Tx, reviewId: string, formId: string) {
  const form = await findForm(db, reviewId, formId);
  const latest = form.versions[0];
  if (!latest) throw new AppError("INVALID_INPUT", `The form "${form.name}" has not been published yet.`);
  return { form, latest, definition: readDefinition(latest.definition) };
}

/** Creates a form inside an existing transaction; a template's form is published as version 1 at once. */
export async function createFormInTx(tx: Tx, scope: ActorScope, input: { name: string; template: TemplateId | null }) {
  const name = input.name.trim();
  if (await tx.extractionForm.findFirst({ where: { reviewId: scope.reviewId, name }, select: { id: true } })) {
    throw new AppError("INVALID_INPUT", `This review already has a form called "${name}".`);
  }
  const template = input.template ? TEMPLATES[input.template] : null;
  const form = await tx.extractionForm.create({
    data: {
      reviewId: scope.reviewId,
      name,
      template: input.template,
      draft: template ? undefined : json(FormDefinition.parse(BLANK)),
      versions: template ? { create: { version: 1, definition: json(template.definition) } } : undefined,
    },
  });
  await recordAuditEvent(tx, {
    reviewId: scope.reviewId,
    actorId: scope.actorId,
    action: "extraction_form.created",
    entityType: "extraction_form",
    entityId: form.id,
    data: { name, template: input.template },
  });
  if (input.template) await addTemplateOutcomes(tx, scope, TEMPLATE_OUTCOMES[input.template]);
  return form;
}

export async function createForm(db: Db, scope: ActorScope, input: { name: string; template: TemplateId | null }) {
  return db.$transaction((tx) => createFormInTx(tx, scope, input));
}

/** Every form with its newest published definition; drafts only for those who may edit them. */
export async function listForms(db: Db, reviewId: string, withDrafts: boolean) {
  const forms = await db.extractionForm.findMany({
    where: { reviewId },
    include: { versions: { orderBy: { version: "desc" } } },
    orderBy: { createdAt: "asc" },
  });
  return forms.map((f) => ({
    id: f.id,
    name: f.name,
    template: f.template,
    extractorsPerStudy: f.extractorsPerStudy,
    hasDraft: withDrafts && f.draft !== null,
    latest: f.versions[0]
      ? {
          id: f.versions[0].id,
          version: f.versions[0].version,
          publishedAt: f.versions[0].publishedAt,
          definition: readDefinition(f.versions[0].definition),
        }
      : null,
  }));
}

/** The builder's view: the draft (or a copy of the newest version to start one from) and the version history. */
export async function formForBuilder(db: Db, reviewId: string, formId: string) {
  const form = await findForm(db, reviewId, formId);
  const published = form.versions.map((v) => ({
    id: v.id,
    version: v.version,
    publishedAt: v.publishedAt,
    definition: readDefinition(v.definition),
  }));
  const latest = published[0] ?? null;
  const draft = form.draft === null ? null : readDefinition(form.draft);
  return {
    id: form.id,
    name: form.name,
    template: form.template,
    extractorsPerStudy: form.extractorsPerStudy,
    draftRevision: form.draftRevision,
    hasDraft: draft !== null,
    definition: draft ?? latest!.definition,
    publishedFieldIds: latest ? allFields(latest.definition).map((l) => l.field.id) : [],
    pendingChanges: draft && latest ? diffVersions(latest.definition, draft) : [],
    versions: published.map((v, i) => ({
      id: v.id,
      version: v.version,
      publishedAt: v.publishedAt,
      changes: published[i + 1] ? diffVersions(published[i + 1]!.definition, v.definition) : [],
    })),
  };
}

function assertRevision(form: { draftRevision: number }, revision: number) {
  if (form.draftRevision !== revision) {
    throw new AppError(
      "STALE",
      "Someone else changed this form since you opened it. Reload to see their changes; yours were not saved.",
    );
  }
}

export async function saveDraft(
  db: Db,
  scope: ActorScope,
  input: { formId: string; revision: number; definition: unknown },
) {
  const parsed = FormDefinition.safeParse(input.definition);
  if (!parsed.success) throw new AppError("INVALID_INPUT", parsed.error.issues[0]?.message ?? "The form is not valid.");
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM extraction_forms WHERE id = ${input.formId} AND review_id = ${scope.reviewId} FOR UPDATE`;
    const form = await findForm(tx, scope.reviewId, input.formId);
    assertRevision(form, input.revision);
    const latest = form.versions[0];
    if (latest) {
      // A value stored under one type would be nonsense under another, so published fields keep their type.
      const published = new Map(allFields(readDefinition(latest.definition)).map((l) => [l.field.id, l.field]));
      for (const { field } of allFields(parsed.data)) {
        const before = published.get(field.id);
        if (before && before.type !== field.type) {
          throw new AppError(
            "INVALID_INPUT",
            `"${field.label}" is published as ${before.type.replace("_", " ")}; its type cannot change. Add a new field instead.`,
          );
        }
      }
    }
    const updated = await tx.extractionForm.update({
      where: { id: form.id },
      data: { draft: json(parsed.data), draftRevision: { increment: 1 } },
    });
    await recordAuditEvent(tx, {
      reviewId: scope.reviewId,
      actorId: scope.actorId,
      action: "extraction_form.draft_saved",
      entityType: "extraction_form",
      entityId: form.id,
      data: { revision: updated.draftRevision },
    });
    return { draftRevision: updated.draftRevision };
  });
}

export async function discardDraft(db: Db, scope: ActorScope, input: { formId: string; revision: number }) {
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM extraction_forms WHERE id = ${input.formId} AND review_id = ${scope.reviewId} FOR UPDATE`;
    const form = await findForm(tx, scope.reviewId, input.formId);
    assertRevision(form, input.revision);
    if (form.versions.length === 0)
      throw new AppError(
        "INVALID_INPUT",
        "A form that was never published has only its draft; it cannot be discarded.",
      );
    await tx.extractionForm.update({
      where: { id: form.id },
      data: { draft: Prisma.DbNull, draftRevision: { increment: 1 } },
    });
    await recordAuditEvent(tx, {
      reviewId: scope.reviewId,
      actorId: scope.actorId,
      action: "extraction_form.draft_discarded",
      entityType: "extraction_form",
      entityId: form.id,
    });
  });
}

/** Publishes the draft as the next version; values entered under earlier versions stay, matched by field id. */
export async function publishDraft(db: Db, scope: ActorScope, input: { formId: string; revision: number }) {
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM extraction_forms WHERE id = ${input.formId} AND review_id = ${scope.reviewId} FOR UPDATE`;
    const form = await findForm(tx, scope.reviewId, input.formId);
    assertRevision(form, input.revision);
    if (form.draft === null) throw new AppError("INVALID_INPUT", "There is no draft to publish; edit the form first.");
    const draft = readDefinition(form.draft);
    const previous = form.versions[0];
    const changes = previous ? diffVersions(readDefinition(previous.definition), draft) : [];
    if (previous && changes.length === 0)
      throw new AppError(
        "INVALID_INPUT",
        "The draft is the same as the published version; there is nothing to publish.",
      );
    const version = await tx.extractionFormVersion.create({
      data: { formId: form.id, version: (previous?.version ?? 0) + 1, definition: json(draft) },
    });
    await tx.extractionForm.update({
      where: { id: form.id },
      data: { draft: Prisma.DbNull, draftRevision: { increment: 1 } },
    });
    await recordAuditEvent(tx, {
      reviewId: scope.reviewId,
      actorId: scope.actorId,
      action: "extraction_form.published",
      entityType: "extraction_form",
      entityId: form.id,
      data: { version: version.version, changes: changes.map((c) => ({ kind: c.kind, fieldId: c.fieldId })) },
    });
    return { versionId: version.id, version: version.version };
  });
}

export async function updateFormSettings(
  db: Db,
  scope: ActorScope,
  input: { formId: string; name: string; extractorsPerStudy: 1 | 2 },
) {
  return db.$transaction(async (tx) => {
    const form = await findForm(tx, scope.reviewId, input.formId);
    const name = input.name.trim();
    const clash = await tx.extractionForm.findFirst({
      where: { reviewId: scope.reviewId, name, id: { not: form.id } },
      select: { id: true },
    });
    if (clash) throw new AppError("INVALID_INPUT", `This review already has a form called "${name}".`);
    await tx.extractionForm.update({
      where: { id: form.id },
      data: { name, extractorsPerStudy: input.extractorsPerStudy },
    });
    await recordAuditEvent(tx, {
      reviewId: scope.reviewId,
      actorId: scope.actorId,
      action: "extraction_form.settings_changed",
      entityType: "extraction_form",
      entityId: form.id,
      data: { name, extractorsPerStudy: input.extractorsPerStudy },
    });
  });
}
