// The one statement that writes audit_events, run in the transaction of the change it records: on its own by
// recordAuditEvent and recordAuditEventPg, and as a CTE by the changes written in one statement (a decision,
// ending sessions), which take some of its values from the rows their other CTEs wrote.
import { Prisma } from "../db/generated/client.ts";
import { newId } from "../shared/ids";

export interface AuditEventInput {
  reviewId: string | null;
  actorId: string | null;
  /** dotted verb, e.g. "review.created", "member.role_changed" */
  action: string;
  entityType: string;
  entityId: string;
  data?: Prisma.InputJsonValue;
  /** Now if not given. From the application's clock, as every other time Sift stores, never the database's. */
  createdAt?: Date;
}

/** An event whose columns may each be an SQL expression instead (of type text, jsonb for data, timestamp for createdAt). */
export type AuditEventColumns = { [K in keyof AuditEventInput]: AuditEventInput[K] | Prisma.Sql };

const sqlOr = <T>(value: T | Prisma.Sql, asParameter: (value: T) => Prisma.Sql) =>
  value instanceof Prisma.Sql ? value : asParameter(value);
const text = (value: string | null | Prisma.Sql) => sqlOr(value, (v) => Prisma.sql`${v}::text`);

/**
 * INSERT of one event, as a statement or a CTE. With `from` (a relation, e.g. Prisma.sql`accepted a`) the event
 * is written only if it yields a row, and SQL columns may refer to that row; it must yield no more than one, as
 * the event has one id.
 */
export function auditInsert(event: AuditEventColumns, from?: Prisma.Sql): Prisma.Sql {
  const data = sqlOr(event.data ?? {}, (v) => Prisma.sql`${JSON.stringify(v)}::jsonb`);
  const createdAt = sqlOr(event.createdAt ?? new Date(), (v) => Prisma.sql`${v.toISOString()}::timestamp`);
  return Prisma.sql`INSERT INTO audit_events (id, review_id, actor_id, action, entity_type, entity_id, data, created_at)
    SELECT ${newId()}::text, ${text(event.reviewId)}, ${text(event.actorId)}, ${text(event.action)}, ${text(event.entityType)},
           ${text(event.entityId)}, ${data}, ${createdAt}${from ? Prisma.sql` FROM ${from}` : Prisma.empty}`;
}
