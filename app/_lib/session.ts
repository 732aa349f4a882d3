import "server-only";
import { TRPCError } from "@trpc/server";
import { redirect } from "next/navigation";
import { cache } from "react";
import { serverCaller } from "@/server/api/server-caller";
import { signInPath } from "./callback-url";

/** The signed-in user or null, looked up once per request however many components ask. */
export const signedInUser = cache(async () => {
  try {
    return await (await serverCaller()).auth.me();
  } catch (err) {
    if (err instanceof TRPCError && err.code === "UNAUTHORIZED") return null;
    throw err;
  }
});

/**
 * Each page checks for itself rather than leaning on a layout: layouts do not re-run on client navigation and
 * only a page knows its full path for the way back after sign-in.
 */
export async function requireUser(path: string) {
  const user = await signedInUser();
  if (!user) redirect(signInPath(path));
  return user;
}
