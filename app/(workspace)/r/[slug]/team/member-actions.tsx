"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ErrorAlert } from "@/app/_components/alerts";
import type { Role } from "@/app/_components/role-badge";
import { useTRPC } from "@/app/_components/trpc";

export interface RoleOption {
  value: Role;
  label: string;
}

interface MemberProps {
  reviewId: string;
  userId: string;
  name: string;
}

/** A select plus an explicit button: arrowing through a select must not change anyone's role. */
interface RoleControlProps extends MemberProps {
  role: Role;
  options: RoleOption[];
}

export function RoleControl({ reviewId, userId, name, role, options }: RoleControlProps) {
  const trpc = useTRPC();
  const router = useRouter();
  const [chosen, setChosen] = useState(role);
  const change = useMutation(trpc.team.changeRole.mutationOptions({ onSuccess: () => router.refresh() }));
  const selectId = `role-${userId}`;
  return (
    <>
      <div className="row-actions">
        <label className="visually-hidden" htmlFor={selectId}>
          Access level of {name}
        </label>
        <select id={selectId} value={chosen} onChange={(e) => setChosen(e.target.value as Role)}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="btn btn-secondary btn-small"
          disabled={chosen === role || change.isPending}
          onClick={() => change.mutate({ reviewId, userId, role: chosen })}
        >
          Change role
        </button>
      </div>
      <ErrorAlert>{change.error?.message}</ErrorAlert>
    </>
  );
}

export function RemoveMemberButton({ reviewId, userId, name }: MemberProps) {
  const trpc = useTRPC();
  const router = useRouter();
  const remove = useMutation(trpc.team.removeMember.mutationOptions({ onSuccess: () => router.refresh() }));
  return (
    <>
      <button
        type="button"
        className="btn btn-danger btn-small"
        aria-label={`Remove ${name}`}
        disabled={remove.isPending}
        onClick={() => {
          if (window.confirm(`Remove ${name} from this review? Their work stays attributed to them.`)) {
            remove.mutate({ reviewId, userId });
          }
        }}
      >
        Remove
      </button>
      <ErrorAlert>{remove.error?.message}</ErrorAlert>
    </>
  );
}

interface RevokeProps {
  reviewId: string;
  invitationId: string;
  email: string;
}

export function RevokeInvitationButton({ reviewId, invitationId, email }: RevokeProps) {
  const trpc = useTRPC();
  const router = useRouter();
  const revoke = useMutation(trpc.team.revokeInvitation.mutationOptions({ onSuccess: () => router.refresh() }));
  return (
    <>
      <button
        type="button"
        className="btn btn-secondary btn-small"
        aria-label={`Revoke the invitation to ${email}`}
        disabled={revoke.isPending}
        onClick={() => revoke.mutate({ reviewId, invitationId })}
      >
        Revoke
      </button>
      <ErrorAlert>{revoke.error?.message}</ErrorAlert>
    </>
  );
}
