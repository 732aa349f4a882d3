import { z } from "zod";
import { existingAccountNotice } from "../../auth/account-mail";
import { endEverySession } from "../../auth/sessions";
import { EmailInput, registerAccount } from "../../auth/users";
import { authedProcedure, publicProcedure, router } from "../trpc";

export const SignUpInput = z.object({
  name: z.string().trim().min(1, "Enter your name.").max(200),
  email: EmailInput,
  password: z.string().max(200),
});

export const authRouter = router({
  /** Replies the same whether or not the address already has an account (see registerAccount). */
  signUp: publicProcedure
    .input(SignUpInput)
    .mutation(({ ctx, input }) => registerAccount(ctx.db, input, existingAccountNotice(ctx.appUrl))),
  me: authedProcedure.query(({ ctx }) => ctx.user),
  /** Ends every session of the caller's, this one included: for a lost device or a token that may have leaked. */
  signOutEverywhere: authedProcedure.mutation(async ({ ctx }) => {
    await endEverySession(ctx.db, ctx.session, "user.signed_out_everywhere");
  }),
});
