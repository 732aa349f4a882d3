import type { Metadata } from "next";
import Link from "next/link";
import { oidcConfig } from "@/server/auth/auth-options";
import { safeCallbackUrl, withCallback } from "../_lib/callback-url";
import { SignInForm } from "./sign-in-form";
import { signInErrorMessage } from "./sign-in-error";

export const metadata: Metadata = { title: "Sign in" };

interface Props {
  searchParams: Promise<{ callbackUrl?: string | string[]; error?: string | string[] }>;
}

export default async function SignInPage({ searchParams }: Props) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  const error = Array.isArray(params.error) ? params.error[0] : params.error;
  return (
    <main id="main" className="page-narrow">
      <Link className="brand-plain" href="/">
        Sift
      </Link>
      <h1>Sign in to Sift</h1>
      <SignInForm
        callbackUrl={callbackUrl ?? "/reviews"}
        initialError={error ? signInErrorMessage(error) : null}
        oidcName={oidcConfig()?.name ?? null}
      />
      <p className="muted">
        No account yet? <Link href={withCallback("/sign-up", callbackUrl)}>Create an account</Link>
      </p>
    </main>
  );
}
