import NextAuth from "next-auth";
import { authOptions } from "@/server/auth/auth-options";

type Handler = (req: Request, ctx: { params: Promise<{ nextauth: string[] }> }) => Promise<Response>;

// next-auth v4 reads `params` synchronously; Next 16 hands them over as a promise.
const handler: Handler = async (req, ctx) => {
  const params = await ctx.params;
  return NextAuth(authOptions())(req, { params });
};

export { handler as GET, handler as POST };
