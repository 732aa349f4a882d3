import { z } from "zod";
import { existingAccountNotice } from "../../auth/account-mail";
import { previewPasswordReset, requestPasswordResetByEmail, resetPassword } from "../../auth/password-reset";
import { resetMailer } from "../../auth/reset-mail";
import { endEverySession } from "../../auth/sessions";
import { EmailInput, registerAccount } from "../../auth/users";
import { authedProcedure, publicProcedure, router } from "../trpc";

export const SignUpInput = z.object({
  name: z.string().trim().min(1, "Enter your name.").max(200),
  email: EmailInput,
  password: z.string().max(200),
});

const ResetToken = z.object({ token: z.string().min(10).max(200) });

export const authRouter = router({
  /** Replies the same whether or not the address already has an account (see registerAccount). */
  signUp: publicProcedure
    .input(SignUpInput)
    .mutation(({ ctx, input }) => registerAccount(ctx.db, input, existingAccountNotice(ctx.appUrl))),
  /**
   * "Forgot password?": emails a link when SMTP is set, replying the same whether or not the address has an
   * account; without SMTP nothing is sent and the page says whom to ask instead.
   */
  requestPasswordReset: publicProcedure.input(z.object({ email: EmailInput })).mutation(async ({ ctx, input }) => {
    const send = resetMailer();
    if (send) await requestPasswordResetByEmail(ctx.db, input.email, ctx.appUrl, send);
    return { emailed: send !== null };
  }),
  previewPasswordReset: publicProcedure
    .input(ResetToken)
    .query(({ ctx, input }) => previewPasswordReset(ctx.db, input.token)),
  resetPassword: publicProcedure
    .input(ResetToken.extend({ password: z.string().max(200) }))
    .mutation(({ ctx, input }) => resetPassword(ctx.db, input.token, input.password)),
  me: authedProcedure.query(({ ctx }) => ctx.user),
  /** Ends every session of the caller's, this one included: for a lost device or a token that may have leaked. */
  signOutEverywhere: authedProcedure.mutation(async ({ ctx }) => {
    await endEverySession(ctx.db, ctx.session, "user.signed_out_everywhere");
  }),
});
