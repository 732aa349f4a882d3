"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { ErrorAlert, SuccessAlert } from "@/app/_components/alerts";
import { CopyLink } from "@/app/_components/copy-link";
import type { Role } from "@/app/_components/role-badge";
import { useTRPC } from "@/app/_components/trpc";
import type { RoleOption } from "./member-actions";

export function InviteForm({ reviewId, options }: { reviewId: string; options: RoleOption[] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const invite = useMutation(trpc.team.invite.mutationOptions({ onSuccess: () => router.refresh() }));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    invite.mutate(
      { reviewId, email: String(form.get("email")), role: String(form.get("role")) as Role },
      { onSuccess: () => formElement.reset() },
    );
  }

  const sent = invite.data;
  return (
    <>
      <ErrorAlert>{invite.error?.message}</ErrorAlert>
      {sent && (
        <SuccessAlert>
          <p>
            Invitation created for {sent.email}.{" "}
            {sent.emailed
              ? "It has been emailed to them; you can also send them the link yourself."
              : "This server does not send email, so send them the link yourself."}
          </p>
          <CopyLink key={sent.link} id="invite-link" label="Invitation link" link={sent.link} />
        </SuccessAlert>
      )}
      <form className="inline-form" onSubmit={onSubmit}>
        <div className="field">
          <label htmlFor="invite-email">Email</label>
          <input id="invite-email" name="email" type="email" required autoComplete="off" />
        </div>
        <div className="field">
          <label htmlFor="invite-role">Role</label>
          <select id="invite-role" name="role" defaultValue="reviewer">
            {options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="btn btn-primary" disabled={invite.isPending}>
          {invite.isPending ? "Inviting…" : "Send invitation"}
        </button>
      </form>
    </>
  );
}
