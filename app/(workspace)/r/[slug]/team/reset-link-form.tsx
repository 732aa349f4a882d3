"use client";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useRef, useState } from "react";
import { ErrorAlert, SuccessAlert } from "@/app/_components/alerts";
import { useTRPC } from "@/app/_components/trpc";
import { formatDateTime } from "@/app/_lib/format";

interface Props {
  reviewId: string;
  members: { userId: string; name: string; email: string }[];
}

/** For owners: a one-time link for a member who forgot their password, to hand over in person or by chat. */
export function ResetLinkForm({ reviewId, members }: Props) {
  const trpc = useTRPC();
  const [copyStatus, setCopyStatus] = useState<string | null>(null);
  const linkRef = useRef<HTMLInputElement>(null);
  const issue = useMutation(trpc.team.issuePasswordReset.mutationOptions({ onSuccess: () => setCopyStatus(null) }));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    issue.mutate({ reviewId, userId: String(new FormData(event.currentTarget).get("member")) });
  }

  async function copyLink(link: string) {
    try {
      await navigator.clipboard.writeText(link);
      setCopyStatus("Link copied.");
    } catch {
      // Browsers offer no clipboard API on plain-http origins, common for self-hosted servers.
      linkRef.current?.select();
      setCopyStatus("The link is selected: press Ctrl+C (⌘C on a Mac) to copy it.");
    }
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
          <label htmlFor="reset-link" className="small">
            Password reset link
          </label>
          <div className="copy-row">
            <input
              id="reset-link"
              ref={linkRef}
              type="text"
              readOnly
              value={issued.link}
              onFocus={(e) => e.target.select()}
            />
            <button type="button" className="btn btn-secondary" onClick={() => void copyLink(issued.link)}>
              Copy
            </button>
          </div>
          {copyStatus && <p className="small">{copyStatus}</p>}
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
