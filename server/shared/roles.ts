// Roles in a review, weakest first. The database's `role` enum has the same values (roles.test.ts holds them
// equal); every access rule compares roles through hasRole, never by name.

export const ROLES = ["observer", "reviewer", "lead", "owner"] as const;
export type Role = (typeof ROLES)[number];

const RANK: Record<Role, number> = { observer: 0, reviewer: 1, lead: 2, owner: 3 };

export function hasRole(role: Role, minimum: Role): boolean {
  return RANK[role] >= RANK[minimum];
}

/** The roles at least as strong as `minimum`. */
export function rolesFrom(minimum: Role): Role[] {
  return ROLES.filter((role) => hasRole(role, minimum));
}

export const ROLE_LABELS: Record<Role, string> = {
  owner: "Owner",
  lead: "Lead",
  reviewer: "Reviewer",
  observer: "Observer",
};
