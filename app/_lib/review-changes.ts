import { hasRole, type Role } from "@/server/shared/roles";

/** What decides whether a member may change a review: their role, and whether the review is archived. */
export interface ReviewChangeRights {
  myRole: Role;
  archivedAt: Date | null;
}

/**
 * Whether the signed-in member may change the review with a role of at least `minRole`. An archived review is
 * read-only for everyone (the server refuses every change), so its screens offer no control that would change it;
 * what a role may read is `hasRole`'s to say.
 */
export function mayChange(review: ReviewChangeRights, minRole: Role): boolean {
  return !review.archivedAt && hasRole(review.myRole, minRole);
}
