// Taking back fields a group merge filled: when the donor's merge is undone, and when the donor's import is
// withdrawn (the donated values leave the review with the record they came from; docs/how-it-works.md). A field
// someone changed since holds another value and is left as it is. Set-based, one statement per fillable field, so
// a withdrawal of thousands of donors costs the same few statements.

import type { Tx } from "../db/client";
import { Prisma } from "../db/generated/client.ts";
import { emptyValueOf, FILLABLE_FIELDS, type FillableField } from "./fill-plan";

export interface ClearedFill {
  recordId: string;
  donorId: string;
  field: FillableField;
}

function emptySql(field: FillableField): Prisma.Sql {
  const empty = emptyValueOf(field);
  if (empty === "") return Prisma.sql`''`;
  if (Array.isArray(empty)) return Prisma.sql`'{}'::text[]`;
  return Prisma.sql`NULL`;
}

/** Clears what the donors chosen by `donors` (a condition on `f.donor_id`) filled; the fill rows stay. */
export async function clearFilledFields(tx: Tx, donors: Prisma.Sql): Promise<ClearedFill[]> {
  const cleared: ClearedFill[] = [];
  for (const field of FILLABLE_FIELDS) {
    const column = Prisma.raw(`"${field}"`);
    const rows = await tx.$queryRaw<{ record_id: string; donor_id: string }[]>`
      UPDATE records r SET ${column} = ${emptySql(field)}
        FROM record_field_fills f
       WHERE f.record_id = r.id AND f.field = ${field} AND ${donors} AND to_jsonb(r.${column}) = f.value
      RETURNING r.id AS record_id, f.donor_id`;
    for (const row of rows) cleared.push({ recordId: row.record_id, donorId: row.donor_id, field });
  }
  return cleared;
}

/** Undoing merges: the fields those records filled are cleared and their fill rows deleted. */
export async function takeBackFills(tx: Tx, donorIds: readonly string[]): Promise<ClearedFill[]> {
  if (donorIds.length === 0) return [];
  const cleared = await clearFilledFields(tx, Prisma.sql`f.donor_id = ANY(${[...donorIds]}::text[])`);
  await tx.recordFieldFill.deleteMany({ where: { donorId: { in: [...donorIds] } } });
  return cleared;
}
