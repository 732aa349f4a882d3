import { ROLE_LABELS, type ROLES } from "@/server/shared/roles";

export type Role = (typeof ROLES)[number];

export function RoleBadge({ role }: { role: Role }) {
  return <span className={`badge badge-${role}`}>{ROLE_LABELS[role]}</span>;
}
