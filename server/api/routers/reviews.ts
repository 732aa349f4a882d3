import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { setReviewArchived } from "../../reviews/archive-review";
import { createReview } from "../../reviews/create-review";
import { deleteReview } from "../../reviews/delete-review";
import { getReview, listReviewsForUser, reviewIdForSlug } from "../../reviews/review-queries";
import { NewReviewInput, ReviewDetailsInput, StageSettingsInput } from "../../reviews/review-settings";
import {
  KeywordsInput,
  setExclusionReasons,
  setScreeningKeywords,
  updateReviewDetails,
} from "../../reviews/update-review";
import { updateStageSettings } from "../../screening/stage-settings";
import { STAGES } from "../../shared/stages";
import { fileStorage } from "../../storage/file-storage";
import { activeMembership } from "../../team/members";
import { authedProcedure, reviewProcedure, router } from "../trpc";

export const reviewsRouter = router({
  list: authedProcedure.query(({ ctx }) => listReviewsForUser(ctx.db, ctx.user.id)),
  create: authedProcedure.input(NewReviewInput).mutation(({ ctx, input }) => createReview(ctx.db, ctx.user.id, input)),
  /** For pages addressed by slug; unknown slugs and other people's reviews get the same refusal. */
  bySlug: authedProcedure.input(z.object({ slug: z.string().min(1).max(100) })).query(async ({ ctx, input }) => {
    const reviewId = await reviewIdForSlug(ctx.db, input.slug).catch(() => null);
    const membership = reviewId && (await activeMembership(ctx.db, reviewId, ctx.user.id));
    if (!reviewId || !membership)
      throw new TRPCError({ code: "FORBIDDEN", message: "You are not a member of this review." });
    return { ...(await getReview(ctx.db, reviewId)), myRole: membership.role };
  }),
  get: reviewProcedure("observer").query(async ({ ctx }) => ({
    ...(await getReview(ctx.db, ctx.reviewId)),
    myRole: ctx.role,
  })),
  updateDetails: reviewProcedure("lead")
    .input(ReviewDetailsInput)
    .mutation(({ ctx, input }) => updateReviewDetails(ctx.db, ctx.actor, input)),
  updateStageSettings: reviewProcedure("lead")
    .input(z.object({ stage: z.enum(STAGES), settings: StageSettingsInput }))
    .mutation(({ ctx, input }) => updateStageSettings(ctx.db, ctx.actor, input.stage, input.settings)),
  setKeywords: reviewProcedure("lead")
    .input(KeywordsInput)
    .mutation(({ ctx, input }) => setScreeningKeywords(ctx.db, ctx.actor, input)),
  /** Owners archive a review (read-only, out of the active list) and restore it. */
  setArchived: reviewProcedure("owner", { whileArchived: true })
    .input(z.object({ archived: z.boolean() }))
    .mutation(({ ctx, input }) => setReviewArchived(ctx.db, ctx.actor, input.archived)),
  /** Owners delete a review and its files once they have typed its title. */
  delete: reviewProcedure("owner", { whileArchived: true })
    .input(z.object({ confirmTitle: z.string().max(500) }))
    .mutation(({ ctx, input }) => deleteReview(ctx.db, fileStorage(), ctx.actor, input.confirmTitle)),
  setExclusionReasons: reviewProcedure("lead")
    .input(z.object({ stage: z.enum(STAGES), labels: z.array(z.string().max(200)).max(50) }))
    .mutation(({ ctx, input }) => setExclusionReasons(ctx.db, ctx.actor, input.stage, input.labels)),
});
