import type pg from "pg";
import type { Tx } from "../db/client";
import { type AuditEventInput, auditInsert } from "./audit-insert";

/** Must be given the transaction client of the change it records, so the two commit or fail together. */
export async function recordAuditEvent(tx: Tx, event: AuditEventInput): Promise<void> {
  await tx.$executeRaw(auditInsert(event));
}

/** The same, for work done on a raw pg connection inside BEGIN … COMMIT (bulk COPY cannot go through Prisma). */
export async function recordAuditEventPg(client: pg.ClientBase, event: AuditEventInput): Promise<void> {
  const insert = auditInsert(event);
  await client.query(insert.text, insert.values);
}
