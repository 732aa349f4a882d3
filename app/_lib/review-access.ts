import "server-only";
import { type inferRouterOutputs, TRPCError } from "@trpc/server";
import { redirect } from "next/navigation";
import { cache } from "react";
import type { AppRouter } from "@/server/api/root";
import { serverCaller } from "@/server/api/server-caller";
import { signInPath } from "./callback-url";

export type ReviewView = inferRouterOutputs<AppRouter>["reviews"]["bySlug"];

type ReviewAccess = { kind: "member"; review: ReviewView } | { kind: "signed-out" } | { kind: "no-access" };

/** Shared by the review layout and its page within one request, so the membership is read once. */
export const reviewAccess = cache(async (slug: string): Promise<ReviewAccess> => {
  try {
    return { kind: "member", review: await (await serverCaller()).reviews.bySlug({ slug }) };
  } catch (err) {
    if (!(err instanceof TRPCError)) throw err;
    if (err.code === "UNAUTHORIZED") return { kind: "signed-out" };
    if (err.code === "FORBIDDEN" || err.code === "NOT_FOUND") return { kind: "no-access" };
    throw err;
  }
});

/**
 * For review pages: signed-out visitors go to sign-in with this exact path; null means no access, and the
 * page renders the refusal itself because a layout cannot stop a page from rendering.
 */
export async function memberReview(slug: string, path: string): Promise<ReviewView | null> {
  const access = await reviewAccess(slug);
  if (access.kind === "signed-out") redirect(signInPath(path));
  return access.kind === "member" ? access.review : null;
}
