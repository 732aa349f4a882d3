// Shared set-up for *.int.test.ts: a client on the run's test database and quick ways to make people and
// reviews with unique names, so tests never depend on each other or on order.

import { randomBytes } from "node:crypto";
import { afterAll, inject } from "vitest";
import { createCaller } from "../api/root";
import type { TokenSession } from "../auth/session-token";
import { currentSessionVersion } from "../auth/sessions";
import { createDb, type Db } from "../db/client";
import { createReview } from "../reviews/create-review";
import type { Role } from "../shared/roles";

let shared: Db | undefined;

export function testDb(): Db {
  if (!shared) {
    shared = createDb(inject("databaseUrl"));
    afterAll(async () => {
      await shared?.$disconnect();
      shared = undefined;
    });
  }
  return shared;
}

export function uniqueEmail(label = "user"): string {
  return `${label}-${randomBytes(5).toString("hex")}@test.sift`;
}

/** A user made directly (no password hashing: most tests never sign in). */
export async function makeUser(db: Db, label = "user") {
  return db.user.create({ data: { email: uniqueEmail(label), name: label } });
}

/**
 * A caller signed in as the user. Its session is the user's current one, read when each call is made, as a token
 * minted at sign-in would carry; give `session` to act as a particular token's session (one since ended).
 */
export function callerFor(db: Db, userId: string | null, session?: TokenSession) {
  return createCaller(async () => ({
    db,
    session: userId
      ? { userId, ...(session ?? { version: await currentSessionVersion(db, userId), sessionId: null }) }
      : null,
    appUrl: "http://sift.test",
  }));
}

/** A review owned by a new user, plus one member of each other role. */
export async function makeTeam(db: Db) {
  const owner = await makeUser(db, "owner");
  const review = await createReview(db, owner.id, { title: `Review ${randomBytes(3).toString("hex")}` });
  const members = { owner } as unknown as Record<Role, { id: string; email: string }>;
  for (const role of ["lead", "reviewer", "observer"] as const) {
    const user = await makeUser(db, role);
    await db.membership.create({ data: { reviewId: review.id, userId: user.id, role } });
    members[role] = user;
  }
  return { review, members };
}
