// The export job: builds the file into storage while recording progress on the export row, which the page
// polls. Any instance's worker can run it; a job that died is retried and starts the file again.

import type { Writable } from "node:stream";
import type pg from "pg";
import type { Db } from "../db/client";
import type { ResolvedChoice } from "../records/chosen-records";
import type { Stage } from "../shared/stages";
import type { FileStorage } from "../storage/file-storage";
import { writeBundle } from "./bundle/write-bundle";
import { type ExportFormat, type ExportKind, FORMAT_FILES, KIND_RULES, type RecordFilter } from "./export-kinds";
import { AGREEMENT_COLUMNS, CONFLICT_COLUMNS, DECISION_LOG_COLUMNS } from "./log-rows";
import { agreementTable, conflictRows, countConflicts, countDecisionLog, decisionLogRows } from "./log-source";
import { RECORD_COLUMNS, type RecordForExport, recordRis, recordRow, type StageResult } from "./record-rows";
import { chosenWithResults, countRecords, type OutcomeVisibility, recordsWithResults } from "./record-source";
import { risEntry } from "./ris-writer";
import { type TableOutput, writeCsv, writeXlsx } from "./table-writer";

export interface ExportDeps {
  db: Db;
  pool: pg.Pool;
  storage: FileStorage;
}

interface ExportSpec {
  reviewId: string;
  kind: ExportKind;
  format: ExportFormat;
  stage: Stage | null;
  filter: RecordFilter;
  visibility: OutcomeVisibility;
  /** A selection's records, resolved for the member who asked for it. */
  choice?: ResolvedChoice;
}

type Progress = { total: number; tick: () => Promise<void> };

async function* mapAsync<T, U>(items: AsyncIterable<T>, f: (item: T) => U): AsyncGenerator<U> {
  for await (const item of items) yield f(item);
}

/** The records of a records or selection export, with their results at the export's stage. */
async function recordsOf(
  db: Db,
  spec: ExportSpec,
): Promise<{ total: number; rows: AsyncIterable<{ record: RecordForExport; result: StageResult }> }> {
  const stage = spec.stage ?? "title_abstract";
  if (spec.kind === "selection") {
    if (!spec.choice) throw new Error("a selection export without its records");
    return {
      total: spec.choice.total,
      rows: chosenWithResults(db, spec.reviewId, stage, spec.choice, spec.visibility),
    };
  }
  return {
    total: await countRecords(db, spec.reviewId, stage, spec.filter, spec.visibility),
    rows: recordsWithResults(db, spec.reviewId, stage, spec.filter, spec.visibility),
  };
}

async function tableFor(
  deps: ExportDeps,
  spec: ExportSpec,
): Promise<{ total: number; table: Omit<TableOutput, "onRow"> }> {
  const { db } = deps;
  switch (spec.kind) {
    case "records":
    case "selection": {
      const { total, rows } = await recordsOf(db, spec);
      return {
        total,
        table: {
          sheetName: "Records",
          columns: RECORD_COLUMNS,
          rows: mapAsync(rows, (r) => recordRow(r.record, r.result)),
        },
      };
    }
    case "decision_log":
      return {
        total: await countDecisionLog(db, spec.reviewId),
        table: { sheetName: "Decision log", columns: DECISION_LOG_COLUMNS, rows: decisionLogRows(db, spec.reviewId) },
      };
    case "conflicts":
      return {
        total: await countConflicts(db, spec.reviewId),
        table: { sheetName: "Conflicts", columns: CONFLICT_COLUMNS, rows: conflictRows(db, spec.reviewId) },
      };
    case "agreement": {
      const rows = await agreementTable(db, spec.reviewId);
      return { total: rows.length, table: { sheetName: "Agreement", columns: AGREEMENT_COLUMNS, rows } };
    }
    default:
      throw new Error(`no table for ${spec.kind}`);
  }
}

async function writeRis(
  deps: ExportDeps,
  spec: ExportSpec,
  out: Writable,
  progress: (total: number) => Promise<Progress>,
) {
  const stage = spec.stage ?? "title_abstract";
  const { total, rows } = await recordsOf(deps.db, spec);
  const { tick } = await progress(total);
  for await (const { record, result } of rows) {
    if (!out.write(risEntry(recordRis(record, stage, result)))) await new Promise((r) => out.once("drain", r));
    await tick();
  }
  out.end();
}

/** Writes the export's file into `out`; `progress` is told the total once, then each row as it is written. */
export async function writeExportFile(
  deps: ExportDeps,
  spec: ExportSpec,
  out: Writable,
  progress: (total: number) => Promise<Progress>,
) {
  if (spec.kind === "bundle") {
    const client = await deps.pool.connect();
    try {
      let reported = 0;
      let set: Progress | null = null;
      await writeBundle(client, deps.storage, spec.reviewId, out, async ({ total, done }) => {
        set ??= await progress(total);
        for (; reported < done; reported++) await set.tick();
      });
    } finally {
      client.release();
    }
    return;
  }
  if (spec.format === "ris") return writeRis(deps, spec, out, progress);
  const { total, table } = await tableFor(deps, spec);
  const { tick } = await progress(total);
  const withProgress = { ...table, onRow: tick };
  if (spec.format === "xlsx") await writeXlsx(out, withProgress);
  else await writeCsv(out, withProgress);
}

export function exportFileName(
  reviewSlug: string,
  kind: ExportKind,
  format: ExportFormat,
  stage: Stage | null,
  at: Date,
): string {
  const day = at.toISOString().slice(0, 10);
  const parts = [
    reviewSlug,
    kind.replace("_", "-"),
    ...(stage && KIND_RULES[kind].staged ? [stage.replace("_", "-")] : []),
    day,
  ];
  return `${parts.join("_")}.${FORMAT_FILES[format].extension}`;
}
