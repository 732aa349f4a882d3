import nodemailer from "nodemailer";
import { smtpConfigured } from "../config/smtp";
import type { ExistingAccountNotice } from "./users";

/**
 * The sign-up form answers the same for a taken address as for a new one, so the owner of an existing account
 * learns of the attempt here instead: by email, when SMTP_URL is set; without it nobody is told.
 */
export function existingAccountNotice(appUrl: string): ExistingAccountNotice | null {
  if (!smtpConfigured()) return null;
  return async (to) => {
    const transport = nodemailer.createTransport(process.env.SMTP_URL);
    await transport.sendMail({
      from: process.env.SMTP_FROM ?? "Sift <no-reply@localhost>",
      to,
      subject: "Someone tried to create a Sift account with your email address",
      text:
        `Someone tried to create a new Sift account with ${to}, which already has one. Nothing about your account ` +
        `was changed, and no new account was made.\n\nIf it was you, sign in with your existing password: ` +
        `${appUrl.replace(/\/+$/, "")}/sign-in\n\nIf it was not, you can ignore this email.`,
    });
  };
}
