import { z } from "zod";
import { EmailInput, signUp } from "../../auth/users";
import { authedProcedure, publicProcedure, router } from "../trpc";

export const SignUpInput = z.object({
  name: z.string().trim().min(1, "Enter your name.").max(200),
  email: EmailInput,
  password: z.string().max(200),
});

export const authRouter = router({
  signUp: publicProcedure.input(SignUpInput).mutation(({ ctx, input }) => signUp(ctx.db, input)),
  me: authedProcedure.query(({ ctx }) => ctx.user),
});
