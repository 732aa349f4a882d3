// What the sign-in and sign-up pages read on the server. Server Components only: it loads the password hasher and
// the sign-in configuration (a client component takes what it needs from contract/auth.ts).
import { oidcConfig } from "../auth/auth-options";
import { smtpConfigured } from "../config/smtp";

export { MIN_PASSWORD_LENGTH } from "../auth/password";

/** The single sign-on button's provider name, or null when single sign-on is not configured. */
export function singleSignOnName(): string | null {
  return oidcConfig()?.name ?? null;
}

/** Whether "Forgot password?" emails a link; without SMTP the page says whom to ask for one instead. */
export function passwordResetByEmail(): boolean {
  return smtpConfigured();
}
