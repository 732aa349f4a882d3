// Password reset links: issued by a review's owner, by email on request, or by `sift user reset-password` (the
// CLI test runs that one), spent once by the reset page, which ends every earlier session of the account's.
import { describe, expect, it } from "vitest";
import { callerFor, makeTeam, makeUser, testDb } from "../test/integration";
import { hashPassword } from "./password";
import { requestPasswordResetByEmail, resetPassword } from "./password-reset";
import { resetTokenHash } from "./reset-link";
import { claimedUser, currentSessionVersion, newSessionId } from "./sessions";
import { verifyCredentials } from "./users";

const OLD = "the old password 1";
const NEW = "a brand new password 2";

const tokenOf = (link: string) => link.slice(link.lastIndexOf("/") + 1);

async function teamWithPassword() {
  const db = testDb();
  const team = await makeTeam(db);
  await db.user.update({ where: { id: team.members.reviewer.id }, data: { passwordHash: await hashPassword(OLD) } });
  return team;
}

describe("password reset links", () => {
  it("an owner's link sets a new password once, ends the old sessions, and is stored only as a hash", async () => {
    const db = testDb();
    const { review, members } = await teamWithPassword();
    const reviewer = members.reviewer;
    const oldSession = { userId: reviewer.id, version: await currentSessionVersion(db, reviewer.id), sessionId: null };
    const anotherDevice = { ...oldSession, sessionId: newSessionId() };

    const issued = await callerFor(db, members.owner.id).team.issuePasswordReset({
      reviewId: review.id,
      userId: reviewer.id,
    });
    expect(issued.link).toMatch(/^http:\/\/sift\.test\/reset-password\/[A-Za-z0-9_-]{32}$/);
    const token = tokenOf(issued.link);
    const hoursValid = (issued.expiresAt.getTime() - Date.now()) / 3_600_000;
    expect(hoursValid).toBeGreaterThan(23.9);
    expect(hoursValid).toBeLessThanOrEqual(24);
    const stored = await db.passwordReset.findFirstOrThrow({ where: { userId: reviewer.id } });
    expect(stored.tokenHash).toBe(resetTokenHash(token));
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(
      await db.auditEvent.findFirst({
        where: { reviewId: review.id, action: "user.password_reset_issued", entityId: reviewer.id },
      }),
    ).toMatchObject({ actorId: members.owner.id, data: { channel: "owner" } });
    expect(JSON.stringify(await db.auditEvent.findMany({ where: { entityId: reviewer.id } }))).not.toContain(token);

    const anonymous = callerFor(db, null);
    expect(await anonymous.auth.previewPasswordReset({ token })).toMatchObject({
      email: reviewer.email,
      state: "valid",
    });
    await anonymous.auth.resetPassword({ token, password: NEW });

    await expect(verifyCredentials(db, { email: reviewer.email, password: OLD })).rejects.toThrow(/do not match/);
    expect((await verifyCredentials(db, { email: reviewer.email, password: NEW })).id).toBe(reviewer.id);
    expect((await claimedUser(db, oldSession))?.sessionCurrent).toBe(false);
    expect((await claimedUser(db, anotherDevice))?.sessionCurrent).toBe(false);
    expect(await db.auditEvent.count({ where: { action: "user.password_reset", entityId: reviewer.id } })).toBe(1);

    // Spent: a second use, even with a good password, is refused and changes nothing.
    await expect(anonymous.auth.resetPassword({ token, password: "yet another password 3" })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/already been used/),
    });
    expect((await anonymous.auth.previewPasswordReset({ token })).state).toBe("used");
    expect((await verifyCredentials(db, { email: reviewer.email, password: NEW })).id).toBe(reviewer.id);
  });

  it("refuses an expired link, an unknown one and a weak password, leaving the password and the link as they were", async () => {
    const db = testDb();
    const { review, members } = await teamWithPassword();
    const owner = callerFor(db, members.owner.id);
    const token = tokenOf(
      (await owner.team.issuePasswordReset({ reviewId: review.id, userId: members.reviewer.id })).link,
    );
    const anonymous = callerFor(db, null);
    await expect(anonymous.auth.resetPassword({ token, password: "password" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/at least 10 characters/),
    });
    await expect(
      anonymous.auth.resetPassword({ token: "not-a-real-token-at-all", password: NEW }),
    ).rejects.toMatchObject({ code: "NOT_FOUND", message: expect.stringMatching(/not valid/) });
    const tomorrow = new Date(Date.now() + 24 * 3_600_000 + 1000);
    await expect(resetPassword(db, token, NEW, tomorrow)).rejects.toMatchObject({
      code: "RESET_LINK_EXPIRED",
      message: "This reset link has expired. Ask for a new link.",
    });
    expect((await verifyCredentials(db, { email: members.reviewer.email, password: OLD })).id).toBe(
      members.reviewer.id,
    );
    // Still within its day, the same link works.
    await resetPassword(db, token, NEW);
  });

  it("a newer link replaces an older one, and an archived review's owner can still issue one", async () => {
    const db = testDb();
    const { review, members } = await teamWithPassword();
    const owner = callerFor(db, members.owner.id);
    await owner.reviews.setArchived({ reviewId: review.id, archived: true });
    const input = { reviewId: review.id, userId: members.reviewer.id };
    const first = tokenOf((await owner.team.issuePasswordReset(input)).link);
    const second = tokenOf((await owner.team.issuePasswordReset(input)).link);
    await expect(resetPassword(db, first, NEW)).rejects.toMatchObject({ code: "RESET_LINK_USED" });
    await resetPassword(db, second, NEW);
  });

  it("only an owner issues links, only for members of their review, and not for themselves", async () => {
    const db = testDb();
    const { review, members } = await teamWithPassword();
    const outsider = await makeUser(db, "elsewhere");
    for (const role of ["lead", "reviewer", "observer"] as const) {
      await expect(
        callerFor(db, members[role].id).team.issuePasswordReset({ reviewId: review.id, userId: members.reviewer.id }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    const owner = callerFor(db, members.owner.id);
    await expect(owner.team.issuePasswordReset({ reviewId: review.id, userId: outsider.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: "That person is not a member of this review.",
    });
    await expect(
      owner.team.issuePasswordReset({ reviewId: review.id, userId: members.owner.id }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await db.passwordReset.count({ where: { userId: { in: [outsider.id, members.owner.id] } } })).toBe(0);
    expect(await db.passwordReset.count({ where: { userId: members.reviewer.id } })).toBe(0);
  });

  it("by email: mails an hour's link to an account, nothing to an unknown address, and no second mail within a minute", async () => {
    const db = testDb();
    const { members } = await teamWithPassword();
    const sent: { to: string; link: string }[] = [];
    const send = async (to: string, link: string) => {
      sent.push({ to, link });
    };
    await requestPasswordResetByEmail(db, "nobody-here@test.sift", "http://sift.test", send);
    await requestPasswordResetByEmail(db, ` ${members.reviewer.email.toUpperCase()} `, "http://sift.test", send);
    await requestPasswordResetByEmail(db, members.reviewer.email, "http://sift.test", send);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.to).toBe(members.reviewer.email);
    const link = await db.passwordReset.findFirstOrThrow({ where: { userId: members.reviewer.id } });
    expect(link.channel).toBe("email");
    expect((link.expiresAt.getTime() - link.createdAt.getTime()) / 3_600_000).toBe(1);
    await resetPassword(db, tokenOf(sent[0]!.link), NEW);
    expect((await verifyCredentials(db, { email: members.reviewer.email, password: NEW })).id).toBe(
      members.reviewer.id,
    );
  });

  it("without SMTP the request sends nothing and says so", async () => {
    const db = testDb();
    const { members } = await teamWithPassword();
    const saved = process.env.SMTP_URL;
    delete process.env.SMTP_URL;
    try {
      expect(await callerFor(db, null).auth.requestPasswordReset({ email: members.reviewer.email })).toEqual({
        emailed: false,
      });
    } finally {
      if (saved !== undefined) process.env.SMTP_URL = saved;
    }
    expect(await db.passwordReset.count({ where: { userId: members.reviewer.id } })).toBe(0);
  });
});
