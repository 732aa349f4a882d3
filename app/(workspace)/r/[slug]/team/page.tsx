import type { Metadata } from "next";
import { serverCaller } from "@/server/api/server-caller";
import { hasRole, ROLE_LABELS, ROLES } from "@/server/team/roles";
import { NoAccess } from "@/app/_components/no-access";
import { RoleBadge, type Role } from "@/app/_components/role-badge";
import { formatDate } from "@/app/_lib/format";
import { memberReview } from "@/app/_lib/review-access";
import { requireUser } from "@/app/_lib/session";
import { InviteForm } from "./invite-form";
import { LeaveReviewButton } from "./leave-review-button";
import { RemoveMemberButton, RevokeInvitationButton, RoleControl } from "./member-actions";

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
  const roles = assignableRoles(review.myRole);
  const roleOptions = roles.map((role) => ({ value: role, label: ROLE_LABELS[role] }));

  return (
    <>
      <h1>Team</h1>
      <table className="data">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Role</th>
            <th scope="col">Joined</th>
            {canManage && (
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {members.map((member) => {
            const manageable = !member.removedAt && roles.includes(member.role);
            return (
              <tr key={member.userId} className={member.removedAt ? "removed" : undefined}>
                <td>
                  {member.name}
                  {member.userId === me.id && <span className="muted"> (you)</span>}
                </td>
                <td>{member.email}</td>
                <td>
                  {manageable ? (
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
                </td>
                <td>{formatDate(member.joinedAt)}</td>
                {canManage && (
                  <td>
                    {manageable && member.userId !== me.id && (
                      <RemoveMemberButton reviewId={review.id} userId={member.userId} name={member.name} />
                    )}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="muted small">Removed members lose access, but the work they did stays attributed to them.</p>

      {canManage && (
        <>
          <section className="card">
            <h2>Invite someone</h2>
            <InviteForm reviewId={review.id} options={roleOptions} />
          </section>
          <section className="card">
            <h2>Pending invitations</h2>
            {invitations.length === 0 ? (
              <p className="muted">No invitations are waiting to be accepted.</p>
            ) : (
              <table className="data">
                <thead>
                  <tr>
                    <th scope="col">Email</th>
                    <th scope="col">Role</th>
                    <th scope="col">Sent</th>
                    <th scope="col">Expires</th>
                    <th scope="col">
                      <span className="visually-hidden">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {invitations.map((invitation) => (
                    <tr key={invitation.id}>
                      <td>{invitation.email}</td>
                      <td>
                        <RoleBadge role={invitation.role} />
                      </td>
                      <td>{formatDate(invitation.createdAt)}</td>
                      <td>{formatDate(invitation.expiresAt)}</td>
                      <td>
                        {roles.includes(invitation.role) && (
                          <RevokeInvitationButton
                            reviewId={review.id}
                            invitationId={invitation.id}
                            email={invitation.email}
                          />
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        </>
      )}

      <section className="card">
        <h2>Leave this review</h2>
        <p className="muted">
          You will lose access until someone invites you again. Your work stays attributed to you.
        </p>
        <LeaveReviewButton reviewId={review.id} />
      </section>
    </>
  );
}
