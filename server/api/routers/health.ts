import { publicProcedure, router } from "../trpc";

export const healthRouter = router({
  /** Does no work: the baseline against which other procedures' latency is measured. */
  ping: publicProcedure.query(() => ({ ok: true as const })),
});
