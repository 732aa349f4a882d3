import type pg from "pg";
import type { Prisma } from "../db/generated/client.ts";
import type { Tx } from "../db/client";
import { newId } from "../shared/ids";

export interface AuditEventInput {
  reviewId: string | null;
  actorId: string | null;
  /** dotted verb, e.g. "review.created", "member.role_changed" */
  action: string;
  entityType: string;
  entityId: string;
  data?: Prisma.InputJsonValue;
}

/** Must be given the transaction client of the change it records, so the two commit or fail together. */
export async function recordAuditEvent(tx: Tx, event: AuditEventInput): Promise<void> {
  await tx.auditEvent.create({ data: { ...event, data: event.data ?? {} } });
}

/** The same, for work done on a raw pg connection inside BEGIN … COMMIT (bulk COPY cannot go through Prisma). */
export async function recordAuditEventPg(client: pg.ClientBase, event: AuditEventInput): Promise<void> {
  await client.query(
    `INSERT INTO audit_events (id, review_id, actor_id, action, entity_type, entity_id, data) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [newId(), event.reviewId, event.actorId, event.action, event.entityType, event.entityId, JSON.stringify(event.data ?? {})],
  );
}
