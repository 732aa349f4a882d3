// For tests: a selection of records exported as its member asks in the browser, built as the export worker
// builds it, and its file read back.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { text } from "node:stream/consumers";
import { type Db, poolOf } from "../db/client";
import { localStorage } from "../storage/local-storage";
import { callerFor } from "../test/integration";
import { runExport } from "./export-jobs";

const storage = localStorage(mkdtempSync(path.join(tmpdir(), "sift-selection-")));

type SelectionInput = Parameters<ReturnType<typeof callerFor>["exports"]["startSelection"]>[0];

export function askForSelection(db: Db, userId: string, input: SelectionInput) {
  return callerFor(db, userId).exports.startSelection(input);
}

/** Runs an export's job as the worker would, and gives its row and its file's text ("" if it failed). */
export async function buildExport(db: Db, exportId: string) {
  await runExport({ db, pool: poolOf(db), storage }, exportId);
  const row = await db.export.findUniqueOrThrow({ where: { id: exportId } });
  const file = row.fileKey ? await text(await storage.get(row.fileKey)) : "";
  return { row, file };
}

/** Asks for the export as `userId` and builds it. */
export async function exportSelection(db: Db, userId: string, input: SelectionInput) {
  return buildExport(db, (await askForSelection(db, userId, input)).id);
}

/** A CSV file's lines, header first, without the byte-order mark. */
export function csvLines(file: string): string[] {
  return file
    .replace(/^\uFEFF/, "")
    .trim()
    .split("\r\n");
}
