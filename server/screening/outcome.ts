// Where a record stands at a stage once its decisions change: still waiting, agreed (settled by itself), or in
// conflict for a lead. Runs inside the transaction that changed a decision, after the record row was locked.
import type { Tx } from "../db/client";
import type { Stage, Verdict } from "../db/generated/enums.ts";

export type Evaluation =
  | { status: "awaiting" }
  | { status: "included" | "excluded"; reasonId: string | null }
  | { status: "conflict" };

interface DecisionLike {
  verdict: Verdict;
  reasonId: string | null;
}

/**
 * Pure rule: fewer decisions than needed → awaiting; all include → included; all exclude → excluded (at full
 * text only when they also agree on the reason, since PRISMA reports one reason per report); anything else,
 * "maybe" included, is a conflict.
 */
export function evaluate(decisions: DecisionLike[], needed: number, stage: Stage): Evaluation {
  if (decisions.length < needed) return { status: "awaiting" };
  const verdicts = new Set(decisions.map((d) => d.verdict));
  if (verdicts.size === 1 && verdicts.has("include")) return { status: "included", reasonId: null };
  if (verdicts.size === 1 && verdicts.has("exclude")) {
    const reasons = new Set(decisions.map((d) => d.reasonId));
    if (stage === "full_text" && reasons.size > 1) return { status: "conflict" };
    return { status: "excluded", reasonId: decisions.find((d) => d.reasonId)?.reasonId ?? null };
  }
  return { status: "conflict" };
}

/**
 * Applies the evaluation: the outcome row, a conflict opened or withdrawn, and a full-text report for a record
 * included at title/abstract (removed again if that inclusion is taken back before any full-text work).
 */
export async function settleOutcome(tx: Tx, reviewId: string, recordId: string, stage: Stage, needed: number): Promise<Evaluation> {
  const decisions = await tx.screeningDecision.findMany({ where: { recordId, stage }, select: { verdict: true, reasonId: true } });
  const result = evaluate(decisions, needed, stage);
  const settled = result.status === "included" || result.status === "excluded";
  await tx.screeningOutcome.upsert({
    where: { recordId_stage: { recordId, stage } },
    create: {
      reviewId,
      recordId,
      stage,
      status: result.status,
      reasonId: settled ? result.reasonId : null,
      settledAt: settled ? new Date() : null,
    },
    update: { status: result.status, reasonId: settled ? result.reasonId : null, settledAt: settled ? new Date() : null },
  });
  if (result.status === "conflict") {
    await tx.conflict.upsert({
      where: { recordId_stage: { recordId, stage } },
      create: { reviewId, recordId, stage },
      update: { status: "open", verdict: null, reasonId: null, note: "", resolvedById: null, resolvedAt: null },
    });
  } else {
    await tx.conflict.updateMany({ where: { recordId, stage, status: "open" }, data: { status: "withdrawn" } });
  }
  if (stage === "title_abstract") await syncReport(tx, reviewId, recordId, result.status === "included");
  return result;
}

/** A record included at title/abstract needs its full text: that is a report (PRISMA: "reports sought"). */
export async function syncReport(tx: Tx, reviewId: string, recordId: string, included: boolean): Promise<void> {
  if (included) {
    await tx.report.upsert({ where: { recordId }, create: { reviewId, recordId }, update: {} });
    return;
  }
  const report = await tx.report.findUnique({ where: { recordId } });
  const fullTextWork = await tx.screeningDecision.count({ where: { recordId, stage: "full_text" } });
  if (report && !report.fileKey && !report.url && report.retrievalStatus === "sought" && fullTextWork === 0) {
    await tx.report.delete({ where: { id: report.id } });
  }
}

/**
 * After the number of reviewers per record changed: every record with decisions is evaluated again (none is
 * lost), except those a lead has resolved, which stay as resolved.
 */
export async function reevaluateStage(tx: Tx, reviewId: string, stage: Stage, needed: number): Promise<number> {
  const records = await tx.screeningDecision.findMany({
    where: { reviewId, stage, record: { conflicts: { none: { stage, status: "resolved" } } } },
    distinct: ["recordId"],
    select: { recordId: true },
  });
  for (const { recordId } of records) await settleOutcome(tx, reviewId, recordId, stage, needed);
  return records.length;
}
