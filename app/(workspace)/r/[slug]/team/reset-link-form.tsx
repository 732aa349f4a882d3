"use client";
import { useMutation } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { ErrorAlert, SuccessAlert } from "@/app/_components/alerts";
import { CopyLink } from "@/app/_components/copy-link";
import { useTRPC } from "@/app/_components/trpc";
import { formatDateTime } from "@/app/_lib/format";

interface Props {
  reviewId: string;
  members: { userId: string; name: string; email: string }[];
}

/** For owners: a one-time link for a member who forgot their password, to hand over in person or by chat. */
export function ResetLinkForm({ reviewId, members }: Props) {
  const trpc = useTRPC();
  const issue = useMutation(trpc.team.issuePasswordReset.mutationOptions());

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    issue.mutate({ reviewId, userId: String(new FormData(event.currentTarget).get("member")) });
  }

  const issued = issue.data;
  const forWhom = members.find((m) => m.userId === issue.variables?.userId);
  return (
    <>
      <ErrorAlert>{issue.error?.message}</ErrorAlert>
      {issued && forWhom && (
        <SuccessAlert>
          <p>
            Give this link to {forWhom.name} ({forWhom.email}) only. It works once, until{" "}
            {formatDateTime(issued.expiresAt)}; using it signs them out everywhere. It is not shown again.
          </p>
          <CopyLink key={issued.link} id="reset-link" label="Password reset link" link={issued.link} />
        </SuccessAlert>
      )}
      <form className="inline-form" onSubmit={onSubmit}>
        <div className="field">
          <label htmlFor="reset-member">Member</label>
          <select id="reset-member" name="member" required>
            {members.map((m) => (
              <option key={m.userId} value={m.userId}>
                {m.name} ({m.email})
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="btn btn-secondary" disabled={issue.isPending}>
          {issue.isPending ? "Issuing…" : "Issue reset link"}
        </button>
      </form>
    </>
  );
}
