// The records chosen in the browser as a file for a spreadsheet (CSV) or a reference manager (RIS), written by the
// export module's own writers, so a selection reads exactly like the review's records export. Read in pages, in
// import order, and streamed out as they are written.
import type { Db } from "../db/client";
import { CSV_BOM, csvRow } from "../export/csv";
import { RECORD_COLUMNS, type RecordForExport, recordRis, recordRow, type StageResult } from "../export/record-rows";
import { risEntry } from "../export/ris-writer";
import { TEAM_ANNOTATIONS, teamAnnotations } from "../export/team-annotations";
import { BELOW_STOPPING_THRESHOLD } from "../prioritise/stopping-rule";
import type { MemberScope } from "../shared/actor";
import type { Stage } from "../shared/stages";
import { recordVisibility, seesStage } from "./visibility";

export const SELECTION_FORMATS = ["csv", "ris"] as const;
export type SelectionFormat = (typeof SELECTION_FORMATS)[number];

const PAGE = 500;

async function* selectedRecords(
  db: Db,
  member: MemberScope,
  stage: Stage,
  recordIds: string[],
): AsyncGenerator<{ record: RecordForExport; result: StageResult }> {
  const visible = seesStage(await recordVisibility(db, member), stage);
  const ids = [...new Set(recordIds)].sort();
  for (let i = 0; i < ids.length; i += PAGE) {
    const page = await db.record.findMany({
      where: { reviewId: member.reviewId, id: { in: ids.slice(i, i + PAGE) } },
      orderBy: { id: "asc" },
      include: {
        source: { select: { name: true } },
        outcomes: { where: { stage }, include: { reason: { select: { label: true } } } },
        conflicts: { where: { stage }, include: { resolvedBy: { select: { name: true } } } },
        ...TEAM_ANNOTATIONS,
      },
    });
    for (const { source, outcomes, conflicts, labels, notes, raw: _raw, ...fields } of page) {
      const outcome = visible ? outcomes[0] : undefined;
      const conflict = conflicts[0];
      const resolved = conflict?.status === "resolved";
      const automatic = outcome?.status === "excluded" && outcome.stoppingSampleId !== null;
      yield {
        record: { ...fields, source: source.name, ...teamAnnotations(labels, notes) },
        result: {
          status: outcome?.status ?? null,
          reason: automatic ? BELOW_STOPPING_THRESHOLD : (outcome?.reason?.label ?? null),
          settledAt: outcome?.settledAt ?? null,
          settledBy: !outcome?.settledAt
            ? null
            : automatic
              ? "stopping rule"
              : resolved
                ? (conflict.resolvedBy?.name ?? "a lead")
                : "agreement",
          note: outcome && resolved ? conflict.note : "",
        },
      };
    }
  }
}

/** The file's text, piece by piece: a header and a row per record (CSV), or an entry per record (RIS). */
export async function* selectionFile(
  db: Db,
  member: MemberScope,
  input: { stage: Stage; format: SelectionFormat; recordIds: string[] },
): AsyncGenerator<string> {
  if (input.format === "csv") yield CSV_BOM + csvRow(RECORD_COLUMNS);
  for await (const { record, result } of selectedRecords(db, member, input.stage, input.recordIds)) {
    yield input.format === "csv" ? csvRow(recordRow(record, result)) : risEntry(recordRis(record, input.stage, result));
  }
}
