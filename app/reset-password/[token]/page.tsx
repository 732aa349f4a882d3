import type { Metadata } from "next";
import Link from "next/link";
import { ErrorAlert } from "@/app/_components/alerts";
import { previewToken } from "@/app/_lib/token-preview";
import { MIN_PASSWORD_LENGTH } from "@/server/api/auth-pages";
import { serverCaller } from "@/server/api/server-caller";
import { ResetPasswordForm } from "./reset-password-form";

export const metadata: Metadata = { title: "Set a new password" };

interface Props {
  params: Promise<{ token: string }>;
}

const UNUSABLE = {
  expired: "This reset link has expired. Ask for a new link.",
  used: "This reset link has already been used, or a newer one replaced it. Ask for a new link.",
} as const;

async function preview(token: string) {
  const link = await previewToken(async () => (await serverCaller()).auth.previewPasswordReset({ token }));
  if ("problem" in link) return link;
  return link.value.state === "valid" ? { email: link.value.email } : { problem: UNUSABLE[link.value.state] };
}

export default async function ResetPasswordPage({ params }: Props) {
  const { token } = await params;
  const result = await preview(token);
  return (
    <main id="main" className="page-narrow">
      <Link className="brand-plain" href="/">
        Sift
      </Link>
      <h1>Set a new password</h1>
      {"problem" in result ? (
        <>
          <ErrorAlert>
            <p>{result.problem}</p>
          </ErrorAlert>
          <p className="muted">
            <Link href="/forgot-password">How to get a new link</Link> · <Link href="/sign-in">Sign in</Link>
          </p>
        </>
      ) : (
        <ResetPasswordForm token={token} email={result.email} minPasswordLength={MIN_PASSWORD_LENGTH} />
      )}
    </main>
  );
}
