import { z } from "zod";
import { AppError } from "../../errors/app-error";
import { MAX_SELECTION } from "../../records/browse-input";
import { SELECTION_FORMATS, selectionFile } from "../../records/export-selection";
import { STAGES } from "../../shared/stages";
import { download } from "../download";
import type { ReviewRouteHandler } from "../review-route";

const ExportParams = z.object({
  format: z.enum(SELECTION_FORMATS),
  stage: z.enum(STAGES).default("title_abstract"),
});

const CONTENT_TYPES = { csv: "text/csv; charset=utf-8", ris: "application/x-research-info-systems" } as const;

/**
 * POST /api/reviews/<id>/records/export, a form (or query) of `format` (csv or ris), `stage` (whose decisions the
 * file carries) and `ids` (the chosen records, separated by commas or spaces). A form post, so the browser saves
 * the file itself however large it is.
 */
export const exportRecordSelection: ReviewRouteHandler = async ({ db, actor, request }) => {
  const fields = new URLSearchParams(new URL(request.url).search);
  for (const [key, value] of new URLSearchParams(await request.text())) fields.set(key, value);
  const { format, stage } = ExportParams.parse(Object.fromEntries(fields));
  const recordIds = [...new Set((fields.get("ids") ?? "").split(/[\s,]+/).filter(Boolean))];
  if (recordIds.length === 0) throw new AppError("INVALID_INPUT", "Choose the records to export first.");
  if (recordIds.length > MAX_SELECTION)
    throw new AppError(
      "INVALID_INPUT",
      `A selection can be exported up to ${MAX_SELECTION.toLocaleString("en")} records at a time.`,
    );
  const chunks = selectionFile(db, actor, { stage, format, recordIds });
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
  const date = new Date().toISOString().slice(0, 10);
  return download(body, { contentType: CONTENT_TYPES[format], fileName: `records-selection-${date}.${format}` });
};
