// Rows of the decision log, conflicts and agreement exports, built from plain data.
import type { Cell } from "./csv";

export interface LoggedEvent {
  createdAt: Date;
  action: string;
  entityId: string;
  data: Record<string, unknown>;
  actor: { name: string; email: string } | null;
}

export const DECISION_LOG_COLUMNS = [
  "time",
  "action",
  "stage",
  "record_id",
  "title",
  "person",
  "email",
  "verdict",
  "exclusion_reason",
  "note",
  "previous_verdict",
  "previous_exclusion_reason",
  "previous_note",
] as const;

const text = (v: unknown): string => (typeof v === "string" ? v : "");

/** A decision event names its record as the entity; a conflict event names the conflict and carries the record. */
export function loggedRecordId(event: Pick<LoggedEvent, "action" | "entityId" | "data">): string {
  return event.action.startsWith("conflict.") ? text(event.data.recordId) : event.entityId;
}

export function decisionLogRow(event: LoggedEvent, titles: Map<string, string>, reasons: Map<string, string>): Cell[] {
  const recordId = loggedRecordId(event);
  const reason = (id: unknown) => (typeof id === "string" ? (reasons.get(id) ?? id) : "");
  const from = (event.data.from ?? {}) as Record<string, unknown>;
  return [
    event.createdAt,
    event.action,
    text(event.data.stage),
    recordId,
    titles.get(recordId) ?? "",
    event.actor?.name ?? "",
    event.actor?.email ?? "",
    text(event.data.verdict),
    reason(event.data.reasonId),
    text(event.data.note),
    text(from.verdict),
    reason(from.reasonId),
    text(from.note),
  ];
}

export interface ConflictForExport {
  recordId: string;
  title: string;
  stage: string;
  status: string;
  createdAt: Date;
  decisions: { reviewer: string; verdict: string; reason: string | null; note: string }[];
  verdict: string | null;
  reason: string | null;
  note: string;
  resolvedBy: string | null;
  resolvedAt: Date | null;
}

export const CONFLICT_COLUMNS = [
  "record_id",
  "title",
  "stage",
  "status",
  "opened_at",
  "decisions",
  "resolution",
  "exclusion_reason",
  "resolution_note",
  "resolved_by",
  "resolved_at",
] as const;

export function conflictRow(c: ConflictForExport): Cell[] {
  const decisions = c.decisions
    .map((d) => `${d.reviewer}: ${d.verdict}${d.reason ? ` (${d.reason})` : ""}${d.note ? ` — ${d.note}` : ""}`)
    .join("\n");
  return [
    c.recordId,
    c.title,
    c.stage,
    c.status,
    c.createdAt,
    decisions,
    c.verdict,
    c.reason,
    c.note,
    c.resolvedBy,
    c.resolvedAt,
  ];
}

export interface AgreementStage {
  stage: string;
  pairs: {
    reviewers: { name: string }[];
    records: number;
    kappa: number | null;
    interpretation: string;
    percentAgreement: number | null;
  }[];
  fleiss: { kappa: number | null; interpretation: string; records: number; raters: number } | null;
}

export const AGREEMENT_COLUMNS = [
  "stage",
  "statistic",
  "reviewers",
  "records",
  "kappa",
  "interpretation",
  "percent_agreement",
] as const;

const round = (n: number | null, digits: number) => (n === null || Number.isNaN(n) ? null : Number(n.toFixed(digits)));

export function agreementRows(report: AgreementStage[]): Cell[][] {
  return report.flatMap((stage) => [
    ...stage.pairs.map((p) => [
      stage.stage,
      "Cohen's kappa",
      p.reviewers.map((r) => r.name).join(" & "),
      p.records,
      round(p.kappa, 3),
      p.interpretation,
      round(p.percentAgreement === null ? null : p.percentAgreement * 100, 1),
    ]),
    ...(stage.fleiss
      ? [
          [
            stage.stage,
            "Fleiss' kappa",
            `${stage.fleiss.raters} per record`,
            stage.fleiss.records,
            round(stage.fleiss.kappa, 3),
            stage.fleiss.interpretation,
            null,
          ],
        ]
      : []),
  ]);
}

/** A closed calibration round's agreement as rows of the same table, named by round and criteria version. */
export interface RoundAgreementRow {
  number: number;
  stage: string;
  criteriaVersion: number;
  participants: string[];
  complete: number;
  kappa: number | null;
  interpretation: string;
  percentAgreement: number | null;
  fleiss: unknown | null;
}

export function calibrationRoundRows(rounds: RoundAgreementRow[]): Cell[][] {
  return rounds.map((r) => [
    r.stage,
    `Calibration round ${r.number} (criteria version ${r.criteriaVersion}): ${r.fleiss ? "Fleiss'" : "Cohen's"} kappa`,
    r.participants.join(" & "),
    r.complete,
    round(r.kappa, 3),
    r.interpretation,
    round(r.percentAgreement === null ? null : r.percentAgreement * 100, 1),
  ]);
}
