import type { inferRouterOutputs } from "@trpc/server";
import type { Metadata } from "next";
import Link from "next/link";
import { ErrorAlert } from "@/app/_components/alerts";
import { RoleBadge } from "@/app/_components/role-badge";
import { withCallback } from "@/app/_lib/callback-url";
import { signedInUser } from "@/app/_lib/session";
import { previewToken } from "@/app/_lib/token-preview";
import type { AppRouter } from "@/server/api/root";
import { serverCaller } from "@/server/api/server-caller";
import { AcceptInvitation } from "./accept-invitation";

export const metadata: Metadata = { title: "Invitation" };

interface Props {
  params: Promise<{ token: string }>;
}

type Invitation = inferRouterOutputs<AppRouter>["team"]["previewInvitation"];

const UNUSABLE: Partial<Record<Invitation["state"], string>> = {
  expired: "This invitation has expired. Ask the review's lead for a new one.",
  used: "This invitation has already been accepted.",
  revoked: "This invitation was withdrawn. Ask for a new one.",
};

export default async function InvitationPage({ params }: Props) {
  const { token } = await params;
  const result = await previewToken(async () => (await serverCaller()).team.previewInvitation({ token }));
  return (
    <main id="main" className="page-narrow">
      <Link className="brand-plain" href="/">
        Sift
      </Link>
      <h1>Invitation to a review</h1>
      {"problem" in result ? (
        <ErrorAlert>
          <p>{result.problem}</p>
        </ErrorAlert>
      ) : (
        <InvitationDetails token={token} invitation={result.value} />
      )}
    </main>
  );
}

async function InvitationDetails({ token, invitation }: { token: string; invitation: Invitation }) {
  const unusable = UNUSABLE[invitation.state];
  const user = unusable ? null : await signedInUser();
  const here = `/invite/${token}`;
  return (
    <div className="card">
      <dl className="facts">
        <dt>Review</dt>
        <dd>{invitation.reviewTitle}</dd>
        <dt>Invited by</dt>
        <dd>{invitation.invitedBy}</dd>
        <dt>Role</dt>
        <dd>
          <RoleBadge role={invitation.role} />
        </dd>
        <dt>For</dt>
        <dd>{invitation.email}</dd>
      </dl>
      <hr />
      {unusable ? (
        <ErrorAlert>
          <p>{unusable}</p>
        </ErrorAlert>
      ) : user ? (
        <AcceptInvitation token={token} signedInAs={user.email} invitedEmail={invitation.email} returnPath={here} />
      ) : (
        <>
          <p>Sign in, or create an account with {invitation.email}, to accept this invitation.</p>
          <div className="form-actions">
            <Link className="btn btn-primary" href={withCallback("/sign-in", here)}>
              Sign in
            </Link>
            <Link className="btn btn-secondary" href={withCallback("/sign-up", here)}>
              Create account
            </Link>
          </div>
        </>
      )}
    </div>
  );
}
