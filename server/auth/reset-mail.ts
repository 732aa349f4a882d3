import nodemailer from "nodemailer";
import { smtpConfigured } from "../config/smtp";
import type { ResetMailer } from "./password-reset";
import { RESET_LINK_HOURS } from "./reset-link";

/** The mailer behind "Forgot password?", or null when SMTP_URL is not set and links are handed over instead. */
export function resetMailer(): ResetMailer | null {
  if (!smtpConfigured()) return null;
  return async (to, link) => {
    const transport = nodemailer.createTransport(process.env.SMTP_URL);
    await transport.sendMail({
      from: process.env.SMTP_FROM ?? "Sift <no-reply@localhost>",
      to,
      subject: "Set a new Sift password",
      text:
        `Someone, hopefully you, asked to set a new password for the Sift account ${to}.\n\n` +
        `Set a new password: ${link}\n\nThe link works once, for ${RESET_LINK_HOURS.email} hour. Setting a new ` +
        `password signs the account out everywhere. If you did not ask, ignore this email: your password stays as it was.`,
    });
  };
}
