// The diagram's counts once per change: the page and every download read them from prisma_flow_counts while
// nothing they count has changed since (migration 20261218032000 bumps the version on every such change), and
// count afresh otherwise. At 100,000 records counting takes most of a second; reading them back, a millisecond.
import type { Db } from "../db/client";
import type { FlowCounts } from "./flow";
import { readFlowCounts } from "./flow-counts";

export async function cachedFlowCounts(db: Db, reviewId: string): Promise<FlowCounts> {
  const stored = await db.prismaFlowCounts.findUnique({ where: { reviewId } });
  const version = stored?.version ?? 0;
  if (stored?.counts && stored.countedVersion === version) return stored.counts as unknown as FlowCounts;
  // Read after the version, so these counts hold at least every change the version stands for.
  const counts = await readFlowCounts(db, reviewId);
  // Kept only if nothing changed meanwhile; if something did, the next reader counts again.
  await db.$executeRaw`
    INSERT INTO prisma_flow_counts (review_id, version, counted_version, counts)
    SELECT ${reviewId}, ${version}, ${version}, ${JSON.stringify(counts)}::jsonb
     WHERE EXISTS (SELECT 1 FROM reviews WHERE id = ${reviewId})
    ON CONFLICT (review_id) DO UPDATE SET counted_version = EXCLUDED.counted_version, counts = EXCLUDED.counts
     WHERE prisma_flow_counts.version = EXCLUDED.version`;
  return counts;
}
