import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { safeCallbackUrl, withCallback } from "@/app/_lib/callback-url";
import { appUrlFrom } from "@/server/api/app-url";
import { MIN_PASSWORD_LENGTH } from "@/server/api/auth-pages";
import { serverCaller } from "@/server/api/server-caller";
import { SignUpForm } from "./sign-up-form";

export const metadata: Metadata = { title: "Create account" };

interface Props {
  searchParams: Promise<{ callbackUrl?: string | string[] }>;
}

/**
 * The address an invitation was sent to, when the sign-up comes from its page and it can still be accepted: the
 * account has to have that address to accept it. Read from the invitation itself, never from the URL's words.
 */
async function invitedEmail(callbackUrl: string | null): Promise<string | null> {
  const token = callbackUrl?.match(/^\/invite\/([A-Za-z0-9_-]{10,200})$/)?.[1];
  if (!token) return null;
  const invitation = await (await serverCaller()).team.previewInvitation({ token }).catch(() => null);
  return invitation?.state === "valid" ? invitation.email : null;
}

export default async function SignUpPage({ searchParams }: Props) {
  const callbackUrl = safeCallbackUrl((await searchParams).callbackUrl, appUrlFrom(await headers()));
  const email = await invitedEmail(callbackUrl);
  return (
    <main id="main" className="page-narrow">
      <Link className="brand-plain" href="/">
        Sift
      </Link>
      <h1>Create your Sift account</h1>
      <SignUpForm
        callbackUrl={callbackUrl ?? "/reviews"}
        minPasswordLength={MIN_PASSWORD_LENGTH}
        invitedEmail={email}
      />
      <p className="muted">
        Already have an account? <Link href={withCallback("/sign-in", callbackUrl)}>Sign in</Link>
      </p>
    </main>
  );
}
