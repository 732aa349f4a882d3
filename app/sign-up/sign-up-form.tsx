"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { ErrorAlert } from "@/app/_components/alerts";
import { useTRPC } from "@/app/_components/trpc";

interface Props {
  callbackUrl: string;
  minPasswordLength: number;
  /** Set when signing up to accept an invitation: the account must have the invited address, so it is fixed. */
  invitedEmail: string | null;
}

export function SignUpForm({ callbackUrl, minPasswordLength, invitedEmail }: Props) {
  const trpc = useTRPC();
  const router = useRouter();
  const signUp = useMutation(
    trpc.auth.signUp.mutationOptions({
      // Not signed in straight away: for an address that already had an account that would fail, and so tell
      // whoever typed it that the account exists. Both go on to sign in, told the same thing.
      onSuccess: () => router.push(`/sign-in?signedUp=1&callbackUrl=${encodeURIComponent(callbackUrl)}`),
    }),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    signUp.mutate({
      name: String(form.get("name")),
      email: String(form.get("email")),
      password: String(form.get("password")),
    });
  }

  // Stays busy after a successful sign-up, until the sign-in page takes over.
  const busy = signUp.isPending || signUp.isSuccess;
  return (
    <div className="card">
      <ErrorAlert>{signUp.error?.message}</ErrorAlert>
      <form onSubmit={onSubmit}>
        <div className="field">
          <label htmlFor="name">Name</label>
          <input id="name" name="name" type="text" autoComplete="name" required autoFocus />
        </div>
        <div className="field">
          <label htmlFor="email">Email</label>
          {invitedEmail ? (
            <>
              <input
                id="email"
                name="email"
                type="email"
                autoComplete="email"
                value={invitedEmail}
                readOnly
                aria-describedby="email-hint"
              />
              <span id="email-hint" className="hint">
                The invitation was sent to this address, so your account uses it. To use another, ask for an invitation
                to that one.
              </span>
            </>
          ) : (
            <input id="email" name="email" type="email" autoComplete="email" required />
          )}
        </div>
        <div className="field">
          <label htmlFor="password">Password</label>
          <input
            id="password"
            name="password"
            type="password"
            autoComplete="new-password"
            aria-describedby="password-hint"
            required
          />
          <span id="password-hint" className="hint">
            At least {minPasswordLength} characters, and not a common password or your email address.
          </span>
        </div>
        <button type="submit" className="btn btn-primary btn-block" disabled={busy}>
          {busy ? "Creating account…" : "Create account"}
        </button>
      </form>
    </div>
  );
}
