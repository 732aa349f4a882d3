"use client";
import { createContext, type ReactNode, useContext } from "react";
import { mayChange, type ReviewChangeRights } from "@/app/_lib/review-changes";
import type { Role } from "@/server/shared/roles";

const Rights = createContext<ReviewChangeRights | null>(null);

/** Set by the review layout, so that every screen of the review asks the same question the same way. */
export function ReviewChangesProvider({ rights, children }: { rights: ReviewChangeRights; children: ReactNode }) {
  return <Rights.Provider value={rights}>{children}</Rights.Provider>;
}

/** Whether the signed-in member may change this review with a role of at least `minRole` (never while archived). */
export function useMayChange(minRole: Role): boolean {
  const rights = useContext(Rights);
  return rights !== null && mayChange(rights, minRole);
}

/** Whether the review is archived, for screens that say why their controls are gone. */
export function useReviewArchived(): boolean {
  return useContext(Rights)?.archivedAt != null;
}
