import { describe, expect, it } from "vitest";
import { callerFor, makeTeam, makeUser, testDb } from "../test/integration";
import { hashToken } from "./invitations";

function tokenFrom(link: string): string {
  return link.split("/invite/")[1]!;
}

describe("invitations", () => {
  it("a lead invites by email; the invitee accepts and becomes a member with that role, audited", async () => {
    const db = testDb();
    const { review, members } = await makeTeam(db);
    const invitee = await makeUser(db, "invitee");
    const invited = await callerFor(db, members.lead.id).team.invite({
      reviewId: review.id,
      email: invitee.email.toUpperCase(),
      role: "reviewer",
    });
    expect(invited.link).toMatch(/^http:\/\/sift\.test\/invite\/[\w-]{20,}$/);
    expect(invited.emailed).toBe(false);
    const stored = await db.invitation.findUniqueOrThrow({ where: { id: invited.id } });
    expect(stored.tokenHash).toBe(hashToken(tokenFrom(invited.link)));
    expect(stored.tokenHash).not.toContain(tokenFrom(invited.link));

    const preview = await callerFor(db, null).team.previewInvitation({ token: tokenFrom(invited.link) });
    expect(preview).toMatchObject({
      email: invitee.email,
      role: "reviewer",
      reviewTitle: review.title,
      state: "valid",
    });

    const accepted = await callerFor(db, invitee.id).team.acceptInvitation({ token: tokenFrom(invited.link) });
    expect(accepted).toMatchObject({ reviewId: review.id, role: "reviewer" });
    expect((await callerFor(db, invitee.id).reviews.list()).map((r) => r.id)).toContain(review.id);
    const events = await db.auditEvent.findMany({
      where: { reviewId: review.id, action: { startsWith: "invitation." } },
    });
    expect(events.map((e) => e.action).sort()).toEqual(["invitation.accepted", "invitation.created"]);

    await expect(
      callerFor(db, invitee.id).team.acceptInvitation({ token: tokenFrom(invited.link) }),
    ).rejects.toMatchObject({
      message: "This invitation has already been accepted.",
    });
  });

  it("refuses an expired invitation, one for another address, and a reviewer inviting", async () => {
    const db = testDb();
    const { review, members } = await makeTeam(db);
    const invitee = await makeUser(db, "late");
    const { link, id } = await callerFor(db, members.owner.id).team.invite({
      reviewId: review.id,
      email: invitee.email,
      role: "observer",
    });
    const stranger = await makeUser(db, "stranger");
    await expect(callerFor(db, stranger.id).team.acceptInvitation({ token: tokenFrom(link) })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringContaining(`This invitation is for ${invitee.email}`),
    });
    await db.invitation.update({ where: { id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expect(callerFor(db, invitee.id).team.acceptInvitation({ token: tokenFrom(link) })).rejects.toMatchObject({
      message: "This invitation has expired. Ask the review's lead for a new one.",
    });
    expect(await db.membership.count({ where: { reviewId: review.id, userId: invitee.id } })).toBe(0);
    await expect(
      callerFor(db, members.reviewer.id).team.invite({ reviewId: review.id, email: invitee.email, role: "reviewer" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      callerFor(db, members.lead.id).team.invite({ reviewId: review.id, email: invitee.email, role: "owner" }),
    ).rejects.toMatchObject({ message: "Only an owner can grant or change the lead and owner roles." });
  });

  it("a new invitation to the same address makes the older link stop working", async () => {
    const db = testDb();
    const { review, members } = await makeTeam(db);
    const invitee = await makeUser(db, "twice");
    const lead = callerFor(db, members.lead.id);
    const first = await lead.team.invite({ reviewId: review.id, email: invitee.email, role: "reviewer" });
    await lead.team.invite({ reviewId: review.id, email: invitee.email, role: "reviewer" });
    await expect(
      callerFor(db, invitee.id).team.acceptInvitation({ token: tokenFrom(first.link) }),
    ).rejects.toMatchObject({
      message: "This invitation was withdrawn. Ask for a new one.",
    });
  });
});

describe("roles and removal", () => {
  it("keeps at least one owner", async () => {
    const db = testDb();
    const { review, members } = await makeTeam(db);
    const owner = callerFor(db, members.owner.id);
    await expect(
      owner.team.changeRole({ reviewId: review.id, userId: members.owner.id, role: "lead" }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      message: "A review needs at least one owner. Make someone else owner first.",
    });
    await expect(owner.team.leave({ reviewId: review.id })).rejects.toMatchObject({ code: "CONFLICT" });
    await owner.team.changeRole({ reviewId: review.id, userId: members.lead.id, role: "owner" });
    await owner.team.leave({ reviewId: review.id });
    await expect(owner.reviews.get({ reviewId: review.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("a removed member loses access at once but their work stays attributed to them", async () => {
    const db = testDb();
    const { review, members } = await makeTeam(db);
    const source = await db.source.create({ data: { reviewId: review.id, name: "PubMed", kind: "database" } });
    const record = await db.record.create({ data: { reviewId: review.id, sourceId: source.id, title: "A trial" } });
    await db.screeningDecision.create({
      data: {
        reviewId: review.id,
        recordId: record.id,
        stage: "title_abstract",
        reviewerId: members.reviewer.id,
        verdict: "include",
      },
    });
    await callerFor(db, members.lead.id).team.removeMember({ reviewId: review.id, userId: members.reviewer.id });
    await expect(callerFor(db, members.reviewer.id).reviews.get({ reviewId: review.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const decision = await db.screeningDecision.findFirstOrThrow({ where: { recordId: record.id } });
    expect(decision.reviewerId).toBe(members.reviewer.id);
    const listed = await callerFor(db, members.lead.id).team.members({ reviewId: review.id });
    expect(listed.find((m) => m.userId === members.reviewer.id)?.removedAt).toBeInstanceOf(Date);
  });

  it("a lead cannot demote another lead or remove an owner", async () => {
    const db = testDb();
    const { review, members } = await makeTeam(db);
    const lead = callerFor(db, members.lead.id);
    await expect(lead.team.removeMember({ reviewId: review.id, userId: members.owner.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      lead.team.changeRole({ reviewId: review.id, userId: members.lead.id, role: "reviewer" }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await lead.team.changeRole({ reviewId: review.id, userId: members.reviewer.id, role: "observer" });
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { reviewId: review.id, action: "member.role_changed" },
    });
    expect(audit.data).toMatchObject({ userId: members.reviewer.id, from: "reviewer", to: "observer" });
  });
});
