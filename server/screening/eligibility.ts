// Which records a stage screens, as SQL shared by serving, progress and counts.
import { Prisma } from "../db/generated/client.ts";
import type { Stage } from "../db/generated/enums.ts";

/**
 * Title/abstract: every record not merged away as a duplicate. Full text: records included at title/abstract
 * whose full text was retrieved (a PDF or a link); "not retrieved" reports are counted, never screened.
 */
export function eligibleRecords(alias: string, stage: Stage): Prisma.Sql {
  const r = Prisma.raw(alias);
  if (stage === "title_abstract") return Prisma.sql`${r}.duplicate_of_id IS NULL`;
  return Prisma.sql`${r}.duplicate_of_id IS NULL AND EXISTS (
    SELECT 1 FROM reports rep WHERE rep.record_id = ${r}.id AND rep.retrieval_status = 'retrieved')`;
}

export const stageSql = (stage: Stage) => Prisma.sql`${stage}::stage`;
