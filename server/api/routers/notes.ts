import { z } from "zod";
import { MAX_NOTE } from "../../notes/note-rules";
import { addNote, deleteNote, editNote, listNotes } from "../../notes/record-notes";
import { reviewProcedure, router } from "../trpc";

const Id = z.string().min(1).max(64);
// The length is checked after trimming by the service, with its own message; this only bounds what is read.
const Text = z.string().max(MAX_NOTE * 2);

/** Team notes on records: everyone reads them, whoever screens writes them. */
export const notesRouter = router({
  list: reviewProcedure("observer")
    .input(z.object({ recordId: Id }))
    .query(({ ctx, input }) => listNotes(ctx.db, ctx.actor, input.recordId)),
  add: reviewProcedure("reviewer")
    .input(z.object({ recordId: Id, text: Text }))
    .mutation(({ ctx, input }) => addNote(ctx.db, ctx.actor, input)),
  edit: reviewProcedure("reviewer")
    .input(z.object({ noteId: Id, text: Text }))
    .mutation(({ ctx, input }) => editNote(ctx.db, ctx.actor, input)),
  remove: reviewProcedure("reviewer")
    .input(z.object({ noteId: Id }))
    .mutation(({ ctx, input }) => deleteNote(ctx.db, ctx.actor, input)),
});
