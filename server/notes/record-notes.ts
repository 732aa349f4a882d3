// Team notes on a record: whoever screens writes one, and the whole team reads them, with who wrote each and when.
// A note is the author's to edit or delete; a lead may delete anyone's (a note that should not be there). They are
// not a decision's own note, which stays as blind as the decision. Each change is audited as an event about the
// record, so its history tells it.
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Db } from "../db/client";
import { AppError } from "../errors/app-error";
import type { MemberScope } from "../shared/actor";
import { hasRole } from "../shared/roles";
import { MAX_NOTE } from "./note-rules";

const NO_RECORD = "That record is not in this review.";
const GONE = "This note was deleted meanwhile.";

function text(input: string): string {
  const trimmed = input.trim();
  if (!trimmed) throw new AppError("INVALID_INPUT", "Write the note first.");
  if (trimmed.length > MAX_NOTE) throw new AppError("INVALID_INPUT", `A note is at most ${MAX_NOTE} characters.`);
  return trimmed;
}

/**
 * The record's notes, oldest first, each saying whether the caller may edit it (theirs) or delete it, with those
 * of the records merged into it (`mergedFrom`), which are edited on their own record.
 */
export async function listNotes(db: Db, member: MemberScope, recordId: string) {
  const record = await db.record.findFirst({
    where: { id: recordId, reviewId: member.reviewId },
    select: { id: true },
  });
  if (!record) throw new AppError("NOT_FOUND", NO_RECORD);
  // Notes stay on the record they were written on, so undoing a merge needs nothing done to them; the kept record
  // shows those of the records merged into it, read-only, so the team sees them where screening goes on.
  const notes = await db.recordNote.findMany({
    where: { OR: [{ recordId }, { record: { duplicateOfId: recordId } }] },
    include: { author: { select: { name: true } }, record: { select: { id: true, title: true } } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const screens = hasRole(member.role, "reviewer");
  return notes.map((n) => {
    const mine = n.authorId === member.actorId;
    if (n.recordId !== recordId) return { ...view(n, mine), mergedFrom: n.record, canEdit: false, canDelete: false };
    return {
      ...view(n, mine),
      mergedFrom: null,
      canEdit: mine && screens,
      canDelete: (mine && screens) || hasRole(member.role, "lead"),
    };
  });
}

function view(
  n: { id: string; text: string; author: { name: string }; createdAt: Date; updatedAt: Date },
  mine: boolean,
) {
  return {
    id: n.id,
    text: n.text,
    author: n.author.name,
    createdAt: n.createdAt,
    edited: n.updatedAt.getTime() !== n.createdAt.getTime() ? n.updatedAt : null,
    mine,
  };
}

export type TeamNote = Awaited<ReturnType<typeof listNotes>>[number];

export async function addNote(db: Db, member: MemberScope, input: { recordId: string; text: string }) {
  const { reviewId, actorId } = member;
  const body = text(input.text);
  return db.$transaction(async (tx) => {
    const record = await tx.record.findFirst({ where: { id: input.recordId, reviewId }, select: { id: true } });
    if (!record) throw new AppError("NOT_FOUND", NO_RECORD);
    const now = new Date();
    const note = await tx.recordNote.create({
      data: { reviewId, recordId: record.id, authorId: actorId, text: body, createdAt: now, updatedAt: now },
    });
    await recordAuditEvent(tx, {
      reviewId,
      actorId,
      action: "record.note_added",
      entityType: "record",
      entityId: record.id,
      data: { noteId: note.id, text: body },
      createdAt: now,
    });
    return { id: note.id };
  });
}

async function noteOf(db: Pick<Db, "recordNote">, reviewId: string, noteId: string) {
  const note = await db.recordNote.findFirst({ where: { id: noteId, reviewId } });
  if (!note) throw new AppError("NOT_FOUND", GONE);
  return note;
}

export async function editNote(db: Db, member: MemberScope, input: { noteId: string; text: string }) {
  const { reviewId, actorId } = member;
  const body = text(input.text);
  return db.$transaction(async (tx) => {
    const note = await noteOf(tx, reviewId, input.noteId);
    if (note.authorId !== actorId) throw new AppError("FORBIDDEN", "Only the note's author can edit it.");
    if (note.text === body) return { id: note.id };
    const now = new Date();
    await tx.recordNote.update({ where: { id: note.id }, data: { text: body, updatedAt: now } });
    await recordAuditEvent(tx, {
      reviewId,
      actorId,
      action: "record.note_edited",
      entityType: "record",
      entityId: note.recordId,
      data: { noteId: note.id, text: body, from: note.text },
      createdAt: now,
    });
    return { id: note.id };
  });
}

export async function deleteNote(db: Db, member: MemberScope, input: { noteId: string }) {
  const { reviewId, actorId } = member;
  return db.$transaction(async (tx) => {
    const note = await noteOf(tx, reviewId, input.noteId);
    if (note.authorId !== actorId && !hasRole(member.role, "lead"))
      throw new AppError("FORBIDDEN", "Only the note's author or a lead can delete it.");
    await tx.recordNote.delete({ where: { id: note.id } });
    await recordAuditEvent(tx, {
      reviewId,
      actorId,
      action: "record.note_deleted",
      entityType: "record",
      entityId: note.recordId,
      data: { noteId: note.id, authorId: note.authorId },
    });
    return { deleted: true };
  });
}
