"use client";
import { useMutation } from "@tanstack/react-query";
import { signOut } from "next-auth/react";
import { useState } from "react";
import { useTRPC } from "./trpc";

interface Props {
  callbackUrl?: string;
  label?: string;
}

// next-auth's sign-out ends this browser's session on the server too (events.signOut in
// server/auth/auth-options.ts), not only its cookie, so a copy of the cookie stops working as well. The user's
// sessions on other devices go on; SignOutEverywhereButton ends those.
export function SignOutButton({ callbackUrl = "/sign-in", label = "Sign out" }: Props) {
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      className="btn btn-secondary btn-small"
      title="Sign out in this browser. Other devices where you are signed in stay signed in."
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

/** Ends every session of the user's, on every device and browser, then this one's cookie. */
export function SignOutEverywhereButton() {
  const trpc = useTRPC();
  const end = useMutation(
    trpc.auth.signOutEverywhere.mutationOptions({
      onSuccess: () => void signOut({ callbackUrl: "/sign-in" }),
      onError: (error) => {
        // Already ended elsewhere: all that is left is this browser's cookie.
        if (error.data?.code === "UNAUTHORIZED") void signOut({ callbackUrl: "/sign-in" });
        else window.alert(error.message);
      },
    }),
  );
  return (
    <button
      type="button"
      className="btn btn-secondary btn-small"
      title="Sign out on every device and browser where you are signed in, this one included."
      disabled={end.isPending || end.isSuccess}
      onClick={() => {
        if (window.confirm("Sign out on every device and browser where you are signed in, this one included?"))
          end.mutate();
      }}
    >
      Sign out everywhere
    </button>
  );
}
