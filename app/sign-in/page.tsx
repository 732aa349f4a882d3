import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { InfoAlert } from "@/app/_components/alerts";
import { safeCallbackUrl, withCallback } from "@/app/_lib/callback-url";
import { appUrlFrom } from "@/server/api/app-url";
import { singleSignOnName } from "@/server/api/auth-pages";
import { signInErrorMessage } from "@/server/api/contract/auth";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

interface Props {
  searchParams: Promise<{
    callbackUrl?: string | string[];
    error?: string | string[];
    signedUp?: string | string[];
    passwordReset?: string | string[];
  }>;
}

export default async function SignInPage({ searchParams }: Props) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl, appUrlFrom(await headers()));
  const error = Array.isArray(params.error) ? params.error[0] : params.error;
  return (
    <main id="main" className="page-narrow">
      <Link className="brand-plain" href="/">
        Sift
      </Link>
      <h1>Sign in to Sift</h1>
      {params.signedUp && (
        // The same words whether the address was new or already had an account: sign-up does not tell which.
        <InfoAlert>
          <p>
            Now sign in with your email and password. If that address already had an account, it is unchanged: use its
            existing password.
          </p>
        </InfoAlert>
      )}
      {params.passwordReset && (
        <InfoAlert>
          <p>Your password was changed and every earlier sign-in was ended. Sign in with the new password.</p>
        </InfoAlert>
      )}
      <SignInForm
        callbackUrl={callbackUrl ?? "/reviews"}
        initialError={error ? signInErrorMessage(error) : null}
        oidcName={singleSignOnName()}
      />
      <p className="muted">
        <Link href="/forgot-password">Forgot password?</Link>
      </p>
      <p className="muted">
        No account yet? <Link href={withCallback("/sign-up", callbackUrl)}>Create an account</Link>
      </p>
    </main>
  );
}
