import type { Metadata } from "next";
import { DataTable } from "@/app/_components/data-table";
import { EmptyState } from "@/app/_components/empty-state";
import { NoAccess } from "@/app/_components/no-access";
import { type Role, RoleBadge } from "@/app/_components/role-badge";
import { formatDate } from "@/app/_lib/format";
import { memberReview } from "@/app/_lib/review-access";
import { mayChange } from "@/app/_lib/review-changes";
import { requireUser } from "@/app/_lib/session";
import { passwordResetByEmail } from "@/server/api/auth-pages";
import { serverCaller } from "@/server/api/server-caller";
import { hasRole, ROLE_LABELS, ROLES } from "@/server/shared/roles";
import { InviteForm } from "./invite-form";
import { LeaveReviewButton } from "./leave-review-button";
import { RemoveMemberButton, RevokeInvitationButton, RoleControl } from "./member-actions";
import { ResetLinkForm } from "./reset-link-form";

export const metadata: Metadata = { title: "Team" };

interface Props {
  params: Promise<{ slug: string }>;
}

/** Mirrors the server's rule so the page offers only what will succeed: only owners touch lead and owner. */
function assignableRoles(actorRole: Role): Role[] {
  if (actorRole === "owner") return [...ROLES];
  if (actorRole === "lead") return ["observer", "reviewer"];
  return [];
}

export default async function TeamPage({ params }: Props) {
  const { slug } = await params;
  const path = `/r/${slug}/team`;
  const me = await requireUser(path);
  const review = await memberReview(slug, path);
  if (!review) return <NoAccess />;
  const caller = await serverCaller();
  const canManage = hasRole(review.myRole, "lead");
  const [members, invitations] = await Promise.all([
    caller.team.members({ reviewId: review.id }),
    canManage ? caller.team.invitations({ reviewId: review.id }) : Promise.resolve([]),
  ]);
  const roles = mayChange(review, "lead") ? assignableRoles(review.myRole) : [];
  const roleOptions = roles.map((role) => ({ value: role, label: ROLE_LABELS[role] }));
  const manageable = (member: (typeof members)[number]) => !member.removedAt && roles.includes(member.role);
  const resettable = members
    .filter((m) => !m.removedAt && m.userId !== me.id)
    .map(({ userId, name, email }) => ({ userId, name, email }));

  return (
    <>
      <h1>Team</h1>
      <DataTable
        rows={members}
        rowKey={(member) => member.userId}
        rowClassName={(member) => (member.removedAt ? "removed" : undefined)}
        columns={[
          {
            key: "name",
            header: "Name",
            cell: (member) => (
              <>
                {member.name}
                {member.userId === me.id && <span className="muted"> (you)</span>}
              </>
            ),
          },
          { key: "email", header: "Email", cell: (member) => member.email },
          {
            key: "role",
            header: "Role",
            cell: (member) => (
              <>
                {manageable(member) ? (
                  <RoleControl
                    reviewId={review.id}
                    userId={member.userId}
                    name={member.name}
                    role={member.role}
                    options={roleOptions}
                  />
                ) : (
                  <RoleBadge role={member.role} />
                )}
                {member.removedAt && (
                  <span className="badge badge-removed">removed {formatDate(member.removedAt)}</span>
                )}
              </>
            ),
          },
          { key: "joined", header: "Joined", cell: (member) => formatDate(member.joinedAt) },
          mayChange(review, "lead") && {
            key: "actions",
            header: "Actions",
            hideHeader: true,
            cell: (member) =>
              manageable(member) &&
              member.userId !== me.id && (
                <RemoveMemberButton reviewId={review.id} userId={member.userId} name={member.name} />
              ),
          },
        ]}
      />
      <p className="muted small">Removed members lose access, but the work they did stays attributed to them.</p>

      {canManage && (
        <>
          {mayChange(review, "lead") && (
            <section className="card">
              <h2>Invite someone</h2>
              <InviteForm reviewId={review.id} options={roleOptions} />
            </section>
          )}
          <section className="card">
            <h2>Pending invitations</h2>
            <DataTable
              rows={invitations}
              rowKey={(invitation) => invitation.id}
              empty={<EmptyState compact>No invitations are waiting to be accepted.</EmptyState>}
              columns={[
                { key: "email", header: "Email", cell: (invitation) => invitation.email },
                { key: "role", header: "Role", cell: (invitation) => <RoleBadge role={invitation.role} /> },
                { key: "sent", header: "Sent", cell: (invitation) => formatDate(invitation.createdAt) },
                { key: "expires", header: "Expires", cell: (invitation) => formatDate(invitation.expiresAt) },
                {
                  key: "actions",
                  header: "Actions",
                  hideHeader: true,
                  cell: (invitation) =>
                    roles.includes(invitation.role) && (
                      <RevokeInvitationButton
                        reviewId={review.id}
                        invitationId={invitation.id}
                        email={invitation.email}
                      />
                    ),
                },
              ]}
            />
          </section>
        </>
      )}

      {review.myRole === "owner" && (
        <section className="card">
          <h2>Reset a member&apos;s password</h2>
          <p className="muted">
            For a member who forgot their password
            {passwordResetByEmail() ? " and cannot use “Forgot password?” on the sign-in page" : ""}: issue a one-time
            link and hand it to them yourself. It is recorded in this review&apos;s audit trail.
          </p>
          {resettable.length ? (
            <ResetLinkForm reviewId={review.id} members={resettable} />
          ) : (
            <EmptyState compact>No one else is on this review yet.</EmptyState>
          )}
        </section>
      )}

      {mayChange(review, "observer") && (
        <section className="card">
          <h2>Leave this review</h2>
          <p className="muted">
            You will lose access until someone invites you again. Your work stays attributed to you.
          </p>
          <LeaveReviewButton reviewId={review.id} />
        </section>
      )}
    </>
  );
}
