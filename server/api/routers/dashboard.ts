import { reviewOverview } from "../../dashboard/overview";
import { reviewProcedure, router } from "../trpc";

export const dashboardRouter = router({
  /** Per stage how far screening is, what the caller can do next, and (where the caller sees the team) pace. */
  overview: reviewProcedure("observer").query(({ ctx }) => reviewOverview(ctx.db, ctx.actor)),
});
