import nodemailer from "nodemailer";

export async function sendInvitationMail(input: {
  to: string;
  reviewTitle: string;
  inviterName: string;
  link: string;
}) {
  const transport = nodemailer.createTransport(process.env.SMTP_URL);
  await transport.sendMail({
    from: process.env.SMTP_FROM ?? "Sift <no-reply@localhost>",
    to: input.to,
    subject: `${input.inviterName} invited you to "${input.reviewTitle}" on Sift`,
    text: `${input.inviterName} invited you to join the systematic review "${input.reviewTitle}" on Sift.\n\nAccept the invitation: ${input.link}\n\nThe link works for 14 days.`,
  });
}
