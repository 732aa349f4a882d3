"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { ErrorAlert, InfoAlert } from "@/app/_components/alerts";
import { SignOutButton } from "@/app/_components/sign-out-button";
import { useTRPC } from "@/app/_components/trpc";
import { withCallback } from "@/app/_lib/callback-url";

interface Props {
  token: string;
  signedInAs: string;
  invitedEmail: string;
  /** Where to come back to after switching accounts. */
  returnPath: string;
}

export function AcceptInvitation({ token, signedInAs, invitedEmail, returnPath }: Props) {
  const trpc = useTRPC();
  const router = useRouter();
  const accept = useMutation(
    trpc.team.acceptInvitation.mutationOptions({ onSuccess: ({ slug }) => router.push(`/r/${slug}`) }),
  );
  const otherAccount = signedInAs.toLowerCase() !== invitedEmail.toLowerCase();
  return (
    <>
      <ErrorAlert>{accept.error?.message}</ErrorAlert>
      {otherAccount && !accept.error && (
        <InfoAlert>
          <p>This invitation was sent to {invitedEmail}. To accept it, sign in with that address.</p>
        </InfoAlert>
      )}
      <p className="muted">You are signed in as {signedInAs}.</p>
      <div className="form-actions">
        <button
          type="button"
          className="btn btn-primary"
          disabled={accept.isPending || accept.isSuccess}
          onClick={() => accept.mutate({ token })}
        >
          {accept.isPending || accept.isSuccess ? "Joining…" : "Accept invitation"}
        </button>
        {otherAccount && (
          <SignOutButton callbackUrl={withCallback("/sign-in", returnPath)} label="Sign out and switch account" />
        )}
      </div>
    </>
  );
}
