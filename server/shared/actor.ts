// Who is acting, in which review. Every review procedure builds one from the checked session (ctx.actor), and every
// service that acts on someone's behalf takes it, so the caller has one name everywhere: the actor.
import type { Role } from "./roles";

export interface ActorScope {
  reviewId: string;
  actorId: string;
}

/** The actor with their role in the review, for services whose answer or refusal depends on it. */
export interface MemberScope extends ActorScope {
  role: Role;
}
