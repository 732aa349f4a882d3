import type { Prisma } from "../db/generated/client.ts";
import type { Tx } from "../db/client";

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
