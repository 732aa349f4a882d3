import { getServerSession } from "next-auth";
import { authOptions } from "./auth-options";

/** The signed-in user's id for Server Components and route handlers, or null. */
export async function currentUserId(): Promise<string | null> {
  const session = await getServerSession(authOptions());
  return (session?.user as { id?: string } | undefined)?.id ?? null;
}
