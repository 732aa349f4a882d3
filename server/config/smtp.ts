// Whether Sift can send email. Invitations (server/team) and the notice to an account's owner (server/auth) both ask,
// so it is configuration rather than either's.

/** SMTP is optional: without SMTP_URL an inviter copies the link shown to them, and nobody else is mailed. */
export function smtpConfigured(): boolean {
  return Boolean(process.env.SMTP_URL);
}
