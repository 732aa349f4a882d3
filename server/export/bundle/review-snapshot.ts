// For the bundle tests: a review's content with every id replaced by what it names (a title, an email, a
// label), so an original and its restored copy compare equal exactly when they hold the same work.
import type { Db } from "../../db/client";
import { computeFlow } from "../../prisma-2020-flow/flow-service";

export async function reviewSnapshot(db: Db, reviewId: string) {
  const review = await db.review.findUniqueOrThrow({
    where: { id: reviewId },
    include: { stageSettings: true, exclusionReasons: true },
  });
  const records = await db.record.findMany({
    where: { reviewId },
    include: { source: true, import: true, duplicateOf: true },
    orderBy: { title: "asc" },
  });
  records.sort((a, b) => a.title.localeCompare(b.title) || a.source.name.localeCompare(b.source.name));
  const title = new Map(records.map((r) => [r.id, `${r.title} [${r.source.name}]`]));
  const email = new Map((await db.user.findMany({ select: { id: true, email: true } })).map((u) => [u.id, u.email]));
  const reason = new Map(review.exclusionReasons.map((r) => [r.id, r.label]));
  const decisions = await db.screeningDecision.findMany({ where: { reviewId } });
  const outcomes = await db.screeningOutcome.findMany({ where: { reviewId } });
  const conflicts = await db.conflict.findMany({ where: { reviewId } });
  const reports = await db.report.findMany({ where: { reviewId }, include: { study: true } });
  const extractions = await db.extraction.findMany({
    where: { reviewId },
    include: { values: true, formVersion: { include: { form: true } }, study: true },
  });
  const appraisals = await db.appraisal.findMany({ where: { reviewId }, include: { study: true } });
  const members = await db.membership.findMany({ where: { reviewId } });
  const imports = await db.import.findMany({ where: { reviewId }, include: { source: true } });
  const withdrawn = await db.withdrawnRow.findMany({ where: { reviewId } });
  const labels = await db.label.findMany({ where: { reviewId } });
  const recordLabels = await db.recordLabel.findMany({ where: { reviewId }, include: { label: true } });
  const notes = await db.recordNote.findMany({ where: { reviewId } });
  // Withdrawn rows name each other by ids a restore renames: each id becomes what it names, or "id".
  const archivedTitle = new Map(
    withdrawn
      .filter((w) => w.tableName === "records")
      .map((w) => [w.id, `${(w.data as { title: string }).title} [withdrawn]`]),
  );
  const nameIds = (value: unknown): unknown => {
    if (typeof value === "string" && /^[0-9a-f]{8}-[0-9a-f]{4}-/.test(value))
      return title.get(value) ?? archivedTitle.get(value) ?? email.get(value) ?? reason.get(value) ?? "id";
    if (Array.isArray(value)) return value.map(nameIds);
    if (value && typeof value === "object")
      return Object.fromEntries(
        Object.entries(value).map(([k, v]) => [k, k === "file_key" ? (v === null ? null : "file") : nameIds(v)]),
      );
    return value;
  };
  const flow = await computeFlow(db, reviewId);
  const audit = await db.auditEvent.groupBy({ by: ["action"], where: { reviewId }, _count: true });
  const sorted = <T>(rows: T[]) => rows.map((r) => JSON.stringify(r)).sort();
  return {
    review: {
      title: review.title,
      question: review.question,
      includeKeywords: review.includeKeywords,
      createdAt: review.createdAt,
    },
    stageSettings: sorted(
      review.stageSettings.map(({ stage, reviewersPerRecord, blinded, reasonRequired }) => ({
        stage,
        reviewersPerRecord,
        blinded,
        reasonRequired,
      })),
    ),
    reasons: sorted(
      review.exclusionReasons.map(({ stage, label, position, archivedAt }) => ({ stage, label, position, archivedAt })),
    ),
    members: sorted(members.map((m) => ({ email: email.get(m.userId), role: m.role, removedAt: m.removedAt }))),
    imports: sorted(
      imports.map((i) => ({
        fileName: i.fileName,
        source: i.source.name,
        status: i.status,
        records: i.recordCount,
        sha256: i.sha256,
        search: [i.platform, i.searchedOn, i.searchString, i.limits],
        withdrawn: [i.withdrawnAt, i.withdrawnById && email.get(i.withdrawnById), i.withdrawalReason],
      })),
    ),
    withdrawnRows: sorted(
      withdrawn.map((w) => ({ table: w.tableName, data: nameIds(w.data), file: w.fileKey !== null })),
    ),
    records: records.map(
      ({
        id,
        reviewId: _r,
        importId: _i,
        sourceId: _s,
        duplicateOfId,
        source,
        import: imp,
        duplicateOf,
        ...fields
      }) => ({
        ...fields,
        source: source.name,
        import: imp && { fileName: imp.fileName, diagnostics: imp.diagnostics, byteSize: imp.byteSize },
        duplicateOf: duplicateOf && title.get(duplicateOf.id),
      }),
    ),
    labels: sorted(labels.map(({ name, colour, shortcut, createdAt }) => ({ name, colour, shortcut, createdAt }))),
    recordLabels: sorted(
      recordLabels.map((l) => ({
        record: title.get(l.recordId),
        label: l.label.name,
        addedBy: l.addedById && email.get(l.addedById),
        createdAt: l.createdAt,
      })),
    ),
    notes: sorted(
      notes.map((n) => ({
        record: title.get(n.recordId),
        author: email.get(n.authorId),
        text: n.text,
        createdAt: n.createdAt,
        updatedAt: n.updatedAt,
      })),
    ),
    decisions: sorted(
      decisions.map((d) => ({
        record: title.get(d.recordId),
        stage: d.stage,
        reviewer: email.get(d.reviewerId),
        verdict: d.verdict,
        reason: d.reasonId && reason.get(d.reasonId),
        note: d.note,
        updatedAt: d.updatedAt,
      })),
    ),
    outcomes: sorted(
      outcomes.map((o) => ({
        record: title.get(o.recordId),
        stage: o.stage,
        status: o.status,
        reason: o.reasonId && reason.get(o.reasonId),
        settledAt: o.settledAt,
      })),
    ),
    conflicts: sorted(
      conflicts.map((c) => ({
        record: title.get(c.recordId),
        stage: c.stage,
        status: c.status,
        verdict: c.verdict,
        note: c.note,
        resolvedBy: c.resolvedById && email.get(c.resolvedById),
      })),
    ),
    reports: sorted(
      reports.map((r) => ({
        record: title.get(r.recordId),
        status: r.retrievalStatus,
        url: r.url,
        study: r.study?.label,
      })),
    ),
    extractions: sorted(
      extractions.map((e) => ({
        study: e.study.label,
        form: e.formVersion.form.name,
        version: e.formVersion.version,
        definition: e.formVersion.definition,
        extractor: email.get(e.extractorId),
        values: sorted(e.values.map((v) => ({ fieldId: v.fieldId, instanceKey: v.instanceKey, value: v.value }))),
      })),
    ),
    appraisals: sorted(
      appraisals.map((a) => ({
        study: a.study.label,
        tool: a.tool,
        appraiser: email.get(a.appraiserId),
        answers: a.answers,
        overall: a.overall,
      })),
    ),
    audit: Object.fromEntries(audit.map((a) => [a.action, a._count]).sort()),
    outcomeCounts: outcomes.reduce<Record<string, number>>((counts, o) => {
      counts[`${o.stage}:${o.status}`] = (counts[`${o.stage}:${o.status}`] ?? 0) + 1;
      return counts;
    }, {}),
    duplicatesRemoved: records.filter((r) => r.duplicateOfId).length,
    prisma2020Flow: {
      values: flow.values,
      databases: flow.databases,
      registers: flow.registers,
      checks: flow.checks.map(({ id, holds }) => ({ id, holds })),
    },
  };
}
