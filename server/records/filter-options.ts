// The choices the record browser's filters offer: the review's sources and imports, exclusion reasons per stage,
// the reviewers whose decisions may be filtered on, studies for whoever may see them, and the team labels.
import type { Db } from "../db/client";
import { listLabels } from "../labels/labels";
import type { MemberScope } from "../shared/actor";
import { rolesFrom } from "../shared/roles";
import { recordVisibility } from "./visibility";

export async function filterOptions(db: Db, member: MemberScope) {
  const { reviewId } = member;
  const visibility = await recordVisibility(db, member);
  const [sources, imports, reasons, reviewers, studies, labels] = await Promise.all([
    db.source.findMany({ where: { reviewId }, select: { id: true, name: true, kind: true }, orderBy: { name: "asc" } }),
    db.import.findMany({
      where: { reviewId, status: "succeeded" },
      select: { id: true, fileName: true, recordCount: true, createdAt: true, source: { select: { name: true } } },
      orderBy: { createdAt: "asc" },
    }),
    db.exclusionReason.findMany({
      where: { reviewId },
      select: { id: true, stage: true, label: true, archivedAt: true },
      orderBy: [{ stage: "asc" }, { position: "asc" }],
    }),
    db.membership.findMany({
      where: { reviewId, removedAt: null, role: { in: rolesFrom("reviewer") } },
      select: { user: { select: { id: true, name: true } } },
      orderBy: { createdAt: "asc" },
    }),
    visibility.fullText
      ? db.study.findMany({ where: { reviewId }, select: { id: true, label: true }, orderBy: { label: "asc" } })
      : Promise.resolve([]),
    listLabels(db, member),
  ]);
  return {
    visibility,
    sources,
    imports: imports.map((i) => ({
      id: i.id,
      fileName: i.fileName,
      source: i.source.name,
      records: i.recordCount,
      createdAt: i.createdAt,
    })),
    reasons: reasons.map((r) => ({ id: r.id, stage: r.stage, label: r.label, archived: r.archivedAt !== null })),
    reviewers: reviewers.map((m) => m.user),
    studies,
    labels,
  };
}
