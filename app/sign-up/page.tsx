import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { safeCallbackUrl, withCallback } from "@/app/_lib/callback-url";
import { appUrlFrom } from "@/server/api/app-url";
import { MIN_PASSWORD_LENGTH } from "@/server/api/auth-pages";
import { SignUpForm } from "./sign-up-form";

export const metadata: Metadata = { title: "Create account" };

interface Props {
  searchParams: Promise<{ callbackUrl?: string | string[] }>;
}

export default async function SignUpPage({ searchParams }: Props) {
  const callbackUrl = safeCallbackUrl((await searchParams).callbackUrl, appUrlFrom(await headers()));
  return (
    <main id="main" className="page-narrow">
      <Link className="brand-plain" href="/">
        Sift
      </Link>
      <h1>Create your Sift account</h1>
      <SignUpForm callbackUrl={callbackUrl ?? "/reviews"} minPasswordLength={MIN_PASSWORD_LENGTH} />
      <p className="muted">
        Already have an account? <Link href={withCallback("/sign-in", callbackUrl)}>Sign in</Link>
      </p>
    </main>
  );
}
