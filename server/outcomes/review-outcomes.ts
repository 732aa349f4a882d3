// A review's outcome list: leads add, change, reorder and remove outcomes; everyone reads them. Result rows store an
// outcome's id, so an outcome some result uses cannot be removed (its numbers would lose their meaning) and its
// type cannot change (the row's numbers were entered for the old type). Each change is audited with it.

import { recordAuditEvent } from "../audit/record-audit-event";
import type { Db, Tx } from "../db/client";
import { AppError } from "../errors/app-error";
import type { ActorScope, MemberScope } from "../shared/actor";
import { hasRole } from "../shared/roles";
import { checkOutcomeFields, MAX_OUTCOMES, type OutcomeFields, sameOutcomeName } from "./outcome-rules";

const GONE = "This outcome was removed meanwhile. Reload the list.";

/** How many extraction values (any extractor's or the consensus) name each outcome of the review. */
async function usage(db: Db | Tx, reviewId: string): Promise<Map<string, number>> {
  const rows = await db.$queryRaw<{ id: string; uses: bigint }[]>`
    SELECT o.id, count(v.id) AS uses
    FROM review_outcomes o
    JOIN extractions e ON e.review_id = o.review_id
    JOIN extraction_values v ON v.extraction_id = e.id AND v.value = to_jsonb(o.id)
    WHERE o.review_id = ${reviewId}
    GROUP BY o.id`;
  return new Map(rows.map((r) => [r.id, Number(r.uses)]));
}

/**
 * The list in its order. Leads also get how many result rows use each outcome, which tells them what a removal
 * would touch; others get null, since counting rows across extractors would show a co-extractor's progress.
 */
export async function listOutcomes(db: Db, scope: MemberScope) {
  const outcomes = await db.reviewOutcome.findMany({
    where: { reviewId: scope.reviewId },
    orderBy: [{ position: "asc" }, { id: "asc" }],
    select: { id: true, name: true, type: true, unit: true, direction: true },
  });
  const uses = hasRole(scope.role, "lead") ? await usage(db, scope.reviewId) : null;
  return outcomes.map((o) => ({ ...o, results: uses ? (uses.get(o.id) ?? 0) : null }));
}

export type OutcomeSummary = Awaited<ReturnType<typeof listOutcomes>>[number];

async function lockList(tx: Tx, reviewId: string) {
  // One outcome list change at a time per review, so two leads cannot give two outcomes one name or position.
  await tx.$queryRaw`SELECT id FROM reviews WHERE id = ${reviewId} FOR UPDATE`;
}

function checked(input: OutcomeFields, others: { name: string }[]): OutcomeFields {
  const result = checkOutcomeFields(input);
  if ("error" in result) throw new AppError("INVALID_INPUT", result.error);
  const twin = others.find((o) => sameOutcomeName(o.name, result.fields.name));
  if (twin) throw new AppError("INVALID_INPUT", `The review already has an outcome “${twin.name}”.`);
  return result.fields;
}

/** Adds outcomes at the end of the list, in one transaction with their audit events (also used to seed a review). */
export async function addOutcomesInTx(tx: Tx, scope: ActorScope, inputs: OutcomeFields[]) {
  await lockList(tx, scope.reviewId);
  const existing = await tx.reviewOutcome.findMany({
    where: { reviewId: scope.reviewId },
    select: { name: true, position: true },
  });
  if (existing.length + inputs.length > MAX_OUTCOMES)
    throw new AppError("INVALID_INPUT", `A review has at most ${MAX_OUTCOMES} outcomes.`);
  let position = Math.max(-1, ...existing.map((o) => o.position)) + 1;
  const added = [];
  for (const input of inputs) {
    const fields = checked(input, existing);
    const outcome = await tx.reviewOutcome.create({
      data: { reviewId: scope.reviewId, ...fields, position: position++ },
    });
    existing.push(outcome);
    await recordAuditEvent(tx, {
      reviewId: scope.reviewId,
      actorId: scope.actorId,
      action: "outcome.added",
      entityType: "review_outcome",
      entityId: outcome.id,
      data: { ...fields },
    });
    added.push(outcome);
  }
  return added;
}

/** A template's outcomes that the review lacks (by name), so a second form from a template adds no twins. */
export async function addTemplateOutcomes(tx: Tx, scope: ActorScope, outcomes: OutcomeFields[]) {
  const names = (await tx.reviewOutcome.findMany({ where: { reviewId: scope.reviewId }, select: { name: true } })).map(
    (o) => o.name,
  );
  return addOutcomesInTx(
    tx,
    scope,
    outcomes.filter((o) => !names.some((n) => sameOutcomeName(n, o.name))),
  );
}

export async function addOutcome(db: Db, scope: ActorScope, input: OutcomeFields) {
  return db.$transaction(async (tx) => (await addOutcomesInTx(tx, scope, [input]))[0]!);
}

/** Renames an outcome or changes its unit or direction; its type only while no result uses it. */
export async function updateOutcome(db: Db, scope: ActorScope, input: OutcomeFields & { outcomeId: string }) {
  const { reviewId, actorId } = scope;
  return db.$transaction(async (tx) => {
    await lockList(tx, reviewId);
    const before = await tx.reviewOutcome.findFirst({ where: { id: input.outcomeId, reviewId } });
    if (!before) throw new AppError("NOT_FOUND", GONE);
    const others = await tx.reviewOutcome.findMany({
      where: { reviewId, id: { not: before.id } },
      select: { name: true },
    });
    const fields = checked(input, others);
    if (fields.type !== before.type) {
      const uses = (await usage(tx, reviewId)).get(before.id) ?? 0;
      if (uses > 0)
        throw new AppError(
          "OUTCOME_IN_USE",
          `“${before.name}” is used by ${uses} extracted ${uses === 1 ? "value" : "values"}, entered as ${before.type.replaceAll("_", " ")} data: its type cannot change. Add a new outcome instead.`,
        );
    }
    const from = { name: before.name, type: before.type, unit: before.unit, direction: before.direction };
    if (JSON.stringify(from) === JSON.stringify(fields)) return before;
    const outcome = await tx.reviewOutcome.update({ where: { id: before.id }, data: fields });
    await recordAuditEvent(tx, {
      reviewId,
      actorId,
      action: "outcome.changed",
      entityType: "review_outcome",
      entityId: outcome.id,
      data: { from, to: { ...fields } },
    });
    return outcome;
  });
}

/** `outcomeIds` is the whole list in its new order; a list that changed meanwhile is refused, not half applied. */
export async function reorderOutcomes(db: Db, scope: ActorScope, outcomeIds: string[]) {
  const { reviewId, actorId } = scope;
  return db.$transaction(async (tx) => {
    await lockList(tx, reviewId);
    const current = await tx.reviewOutcome.findMany({
      where: { reviewId },
      orderBy: [{ position: "asc" }, { id: "asc" }],
      select: { id: true },
    });
    const same = new Set(outcomeIds);
    if (same.size !== outcomeIds.length || current.length !== same.size || current.some((o) => !same.has(o.id)))
      throw new AppError("STALE", "The outcome list changed meanwhile. Reload it and reorder again.");
    const before = current.map((o) => o.id);
    if (before.join() === outcomeIds.join()) return { order: before };
    for (const [position, id] of outcomeIds.entries())
      await tx.reviewOutcome.update({ where: { id }, data: { position } });
    await recordAuditEvent(tx, {
      reviewId,
      actorId,
      action: "outcome.reordered",
      entityType: "review",
      entityId: reviewId,
      data: { from: before, to: outcomeIds },
    });
    return { order: outcomeIds };
  });
}

/**
 * Refused while any extracted value or appraisal names the outcome, with how many, so nothing entered loses its
 * outcome.
 */
export async function removeOutcome(db: Db, scope: ActorScope, outcomeId: string) {
  const { reviewId, actorId } = scope;
  return db.$transaction(async (tx) => {
    await lockList(tx, reviewId);
    const outcome = await tx.reviewOutcome.findFirst({ where: { id: outcomeId, reviewId } });
    if (!outcome) throw new AppError("NOT_FOUND", GONE);
    const uses = (await usage(tx, reviewId)).get(outcome.id) ?? 0;
    if (uses > 0)
      throw new AppError(
        "OUTCOME_IN_USE",
        `“${outcome.name}” is chosen in ${uses} extracted result ${uses === 1 ? "row" : "rows"}: choose another outcome in ${uses === 1 ? "it" : "them"} before removing it.`,
      );
    // A risk-of-bias appraisal names the result it judges; removing its outcome would leave it judging nothing.
    const appraisals = await tx.appraisal.count({ where: { reviewId, outcomeId: outcome.id } });
    if (appraisals > 0)
      throw new AppError(
        "OUTCOME_IN_USE",
        `“${outcome.name}” names the result ${appraisals === 1 ? "an appraisal judges" : `${appraisals} appraisals judge`}: name another result in ${appraisals === 1 ? "it" : "them"} before removing it.`,
      );
    await tx.reviewOutcome.delete({ where: { id: outcome.id } });
    await recordAuditEvent(tx, {
      reviewId,
      actorId,
      action: "outcome.removed",
      entityType: "review_outcome",
      entityId: outcome.id,
      data: { name: outcome.name, type: outcome.type, unit: outcome.unit, direction: outcome.direction },
    });
    return { removed: outcome.name };
  });
}

/** Each outcome's name by id, for showing and exporting the result rows that name them. */
export async function outcomeNames(db: Db | Tx, reviewId: string): Promise<Map<string, string>> {
  const outcomes = await db.reviewOutcome.findMany({ where: { reviewId }, select: { id: true, name: true } });
  return new Map(outcomes.map((o) => [o.id, o.name]));
}
