import type { Metadata } from "next";
import Link from "next/link";
import { passwordResetByEmail } from "@/server/api/auth-pages";
import { ForgotPasswordForm } from "./forgot-password-form";

export const metadata: Metadata = { title: "Forgot password" };

export default function ForgotPasswordPage() {
  return (
    <main id="main" className="page-narrow">
      <Link className="brand-plain" href="/">
        Sift
      </Link>
      <h1>Forgot your password?</h1>
      {passwordResetByEmail() ? (
        <ForgotPasswordForm />
      ) : (
        <div className="card">
          <p>This Sift does not send email, so a new-password link is handed to you by a person:</p>
          <ul>
            <li>
              ask an <strong>owner</strong> of a review you are on: they can issue you a one-time link from the
              review&apos;s Team page;
            </li>
            <li>
              or ask whoever runs this Sift to run <code>sift user reset-password</code> with your email address.
            </li>
          </ul>
          <p className="muted">The link works once, for a day. Setting a new password signs you out everywhere.</p>
        </div>
      )}
      <p className="muted">
        Remembered it? <Link href="/sign-in">Sign in</Link>
      </p>
    </main>
  );
}
