"use client";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { type FormEvent, useState } from "react";
import { ErrorAlert } from "@/app/_components/alerts";
import { signInErrorMessage } from "@/server/api/contract/auth";

interface Props {
  callbackUrl: string;
  initialError: string | null;
  /** The single sign-on button's provider name, or null when single sign-on is not configured. */
  oidcName: string | null;
}

export function SignInForm({ callbackUrl, initialError, oidcName }: Props) {
  const router = useRouter();
  const [error, setError] = useState(initialError);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      const result = await signIn("credentials", {
        email: String(form.get("email")),
        password: String(form.get("password")),
        redirect: false,
      });
      if (!result?.ok || result.error) {
        setError(signInErrorMessage(result?.error ?? "Default"));
        setPending(false);
        return;
      }
      router.push(callbackUrl);
      router.refresh();
    } catch {
      setError("Could not reach the server. Check your connection and try again.");
      setPending(false);
    }
  }

  return (
    <div className="card">
      <ErrorAlert>{error}</ErrorAlert>
      <form onSubmit={onSubmit}>
        <div className="field">
          <label htmlFor="email">Email</label>
          <input id="email" name="email" type="email" autoComplete="email" required autoFocus />
        </div>
        <div className="field">
          <label htmlFor="password">Password</label>
          <input id="password" name="password" type="password" autoComplete="current-password" required />
        </div>
        <button type="submit" className="btn btn-primary btn-block" disabled={pending}>
          {pending ? "Signing in…" : "Sign in"}
        </button>
      </form>
      {oidcName && (
        <>
          <div className="divider">or</div>
          <button
            type="button"
            className="btn btn-secondary btn-block"
            onClick={() => void signIn("oidc", { callbackUrl })}
          >
            Sign in with {oidcName}
          </button>
        </>
      )}
    </div>
  );
}
