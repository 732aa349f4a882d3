"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { ErrorAlert } from "../_components/form-alerts";
import { useTRPC } from "../_components/trpc";

interface Props {
  callbackUrl: string;
  minPasswordLength: number;
}

export function SignUpForm({ callbackUrl, minPasswordLength }: Props) {
  const trpc = useTRPC();
  const router = useRouter();
  const [signInError, setSignInError] = useState<string | null>(null);
  const signUp = useMutation(
    trpc.auth.signUp.mutationOptions({
      onSuccess: async (_user, { email, password }) => {
        const result = await signIn("credentials", { email, password, redirect: false });
        if (!result?.ok || result.error) {
          setSignInError("Your account was created, but signing in failed. Sign in with your new password.");
          return;
        }
        router.push(callbackUrl);
        router.refresh();
      },
    }),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setSignInError(null);
    signUp.mutate({
      name: String(form.get("name")),
      email: String(form.get("email")),
      password: String(form.get("password")),
    });
  }

  // Stays busy through the sign-in that follows a successful sign-up, until the next page takes over.
  const busy = signUp.isPending || (signUp.isSuccess && !signInError);
  return (
    <div className="card">
      <ErrorAlert message={signUp.error?.message ?? signInError} />
      <form onSubmit={onSubmit}>
        <div className="field">
          <label htmlFor="name">Name</label>
          <input id="name" name="name" type="text" autoComplete="name" required autoFocus />
        </div>
        <div className="field">
          <label htmlFor="email">Email</label>
          <input id="email" name="email" type="email" autoComplete="email" required />
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
            At least {minPasswordLength} characters.
          </span>
        </div>
        <button type="submit" className="btn btn-primary btn-block" disabled={busy}>
          {busy ? "Creating account…" : "Create account"}
        </button>
      </form>
    </div>
  );
}
