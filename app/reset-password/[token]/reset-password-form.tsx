"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { ErrorAlert } from "@/app/_components/alerts";
import { useTRPC } from "@/app/_components/trpc";

interface Props {
  token: string;
  email: string;
  minPasswordLength: number;
}

export function ResetPasswordForm({ token, email, minPasswordLength }: Props) {
  const trpc = useTRPC();
  const router = useRouter();
  const [mismatch, setMismatch] = useState(false);
  const reset = useMutation(
    trpc.auth.resetPassword.mutationOptions({ onSuccess: () => router.push("/sign-in?passwordReset=1") }),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const password = String(form.get("password"));
    const differs = password !== String(form.get("confirm"));
    setMismatch(differs);
    if (!differs) reset.mutate({ token, password });
  }

  const busy = reset.isPending || reset.isSuccess;
  return (
    <div className="card">
      <ErrorAlert>{mismatch ? "The two passwords differ; type the same one twice." : reset.error?.message}</ErrorAlert>
      <form onSubmit={onSubmit}>
        <div className="field">
          <label htmlFor="email">Account</label>
          {/* The account's address, for password managers to file the new password under. */}
          <input id="email" name="email" type="email" autoComplete="username" value={email} readOnly />
        </div>
        <div className="field">
          <label htmlFor="password">New password</label>
          <input
            id="password"
            name="password"
            type="password"
            autoComplete="new-password"
            aria-describedby="password-hint"
            required
            autoFocus
          />
          <span id="password-hint" className="hint">
            At least {minPasswordLength} characters, and not a common password or your email address.
          </span>
        </div>
        <div className="field">
          <label htmlFor="confirm">New password again</label>
          <input id="confirm" name="confirm" type="password" autoComplete="new-password" required />
        </div>
        <p className="muted small">Setting it signs this account out everywhere, on every device.</p>
        <button type="submit" className="btn btn-primary btn-block" disabled={busy}>
          {busy ? "Setting password…" : "Set new password"}
        </button>
      </form>
    </div>
  );
}
