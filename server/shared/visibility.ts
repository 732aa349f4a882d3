// The blinding rule, the one place that decides whether a member may see how others decided at a stage: leads and
// owners always (they resolve conflicts), everyone else only when the stage is unblinded. Services apply it through
// server/reviews/stage-visibility.ts, which reads the stage's setting.
import { hasRole, type Role } from "./roles";

export function seesOthers(role: Role, blinded: boolean): boolean {
  return hasRole(role, "lead") || !blinded;
}
