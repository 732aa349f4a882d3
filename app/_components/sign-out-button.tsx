"use client";
import { signOut } from "next-auth/react";
import { useState } from "react";

interface Props {
  callbackUrl?: string;
  label?: string;
}

export function SignOutButton({ callbackUrl = "/sign-in", label = "Sign out" }: Props) {
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      className="btn btn-secondary btn-small"
      disabled={pending}
      onClick={() => {
        setPending(true);
        void signOut({ callbackUrl });
      }}
    >
      {label}
    </button>
  );
}
