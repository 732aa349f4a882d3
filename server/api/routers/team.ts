import { z } from "zod";
import { EmailInput } from "../../auth/users";
import { smtpConfigured } from "../../config/smtp";
import { ROLES } from "../../shared/roles";
import { sendInvitationMail } from "../../team/invitation-mail";
import {
  acceptInvitation,
  inviteMember,
  listPendingInvitations,
  previewInvitation,
  revokeInvitation,
} from "../../team/invitations";
import { changeRole, listMembers, removeMember } from "../../team/members";
import { issueResetLinkForMember } from "../../team/reset-for-member";
import { authedProcedure, publicProcedure, reviewProcedure, router } from "../trpc";

const InvitationToken = z.object({ token: z.string().min(10).max(200) });

export const teamRouter = router({
  members: reviewProcedure("observer").query(({ ctx }) => listMembers(ctx.db, ctx.reviewId)),
  invitations: reviewProcedure("lead").query(({ ctx }) => listPendingInvitations(ctx.db, ctx.reviewId)),
  invite: reviewProcedure("lead")
    .input(z.object({ email: EmailInput, role: z.enum(ROLES) }))
    .mutation(async ({ ctx, input }) => {
      const scope = ctx.actor;
      const { invitation, token } = await inviteMember(ctx.db, scope, input);
      const link = new URL(`/invite/${token}`, ctx.appUrl).toString();
      let emailed = false;
      if (smtpConfigured()) {
        const review = await ctx.db.review.findUniqueOrThrow({ where: { id: ctx.reviewId }, select: { title: true } });
        await sendInvitationMail({ to: invitation.email, reviewTitle: review.title, inviterName: ctx.user.name, link });
        emailed = true;
      }
      return { id: invitation.id, email: invitation.email, role: invitation.role, link, emailed };
    }),
  revokeInvitation: reviewProcedure("lead")
    .input(z.object({ invitationId: z.string().max(64) }))
    .mutation(({ ctx, input }) => revokeInvitation(ctx.db, ctx.actor, input.invitationId)),
  previewInvitation: publicProcedure
    .input(InvitationToken)
    .query(({ ctx, input }) => previewInvitation(ctx.db, input.token)),
  acceptInvitation: authedProcedure
    .input(InvitationToken)
    .mutation(({ ctx, input }) => acceptInvitation(ctx.db, input.token, ctx.user)),
  changeRole: reviewProcedure("lead")
    .input(z.object({ userId: z.string().max(64), role: z.enum(ROLES) }))
    .mutation(({ ctx, input }) => changeRole(ctx.db, ctx.actor, input.userId, input.role)),
  removeMember: reviewProcedure("lead")
    .input(z.object({ userId: z.string().max(64) }))
    .mutation(({ ctx, input }) => removeMember(ctx.db, ctx.actor, input.userId)),
  /**
   * A one-time link for a member who forgot their password, for the owner to hand over (see reset-for-member.ts).
   * About an account, not the review's content, so an archived review's owner can still help its members.
   */
  issuePasswordReset: reviewProcedure("owner", { whileArchived: true })
    .input(z.object({ userId: z.string().max(64) }))
    .mutation(({ ctx, input }) => issueResetLinkForMember(ctx.db, ctx.actor, input.userId, ctx.appUrl)),
  leave: reviewProcedure("observer").mutation(({ ctx }) => removeMember(ctx.db, ctx.actor, ctx.user.id)),
});
