// next-auth's own endpoints (sign-in, sign-out, the session cookie), served by app/api/auth/[...nextauth].
import NextAuth from "next-auth";
import { authOptions } from "../auth/auth-options";

type Handler = (req: Request, ctx: { params: Promise<{ nextauth: string[] }> }) => Promise<Response>;

// next-auth v4 reads `params` synchronously; Next 16 hands them over as a promise.
export const authHandler: Handler = async (req, ctx) => {
  const params = await ctx.params;
  return NextAuth(authOptions())(req, { params });
};
