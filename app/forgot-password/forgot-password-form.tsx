"use client";
import { useMutation } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { ErrorAlert, SuccessAlert } from "@/app/_components/alerts";
import { useTRPC } from "@/app/_components/trpc";

export function ForgotPasswordForm() {
  const trpc = useTRPC();
  const request = useMutation(trpc.auth.requestPasswordReset.mutationOptions());

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    request.mutate({ email: String(new FormData(event.currentTarget).get("email")) });
  }

  return (
    <div className="card">
      <ErrorAlert>{request.error?.message}</ErrorAlert>
      {request.isSuccess ? (
        // The same words whether or not the address has an account: the form does not tell which.
        <SuccessAlert>
          <p>
            If an account has that address, a link to set a new password is on its way. It works once, for an hour;
            check your spam folder if it does not arrive in a few minutes.
          </p>
        </SuccessAlert>
      ) : (
        <form onSubmit={onSubmit}>
          <p>Enter your account&apos;s email address and we will send you a link to set a new password.</p>
          <div className="field">
            <label htmlFor="email">Email</label>
            <input id="email" name="email" type="email" autoComplete="email" required autoFocus />
          </div>
          <button type="submit" className="btn btn-primary btn-block" disabled={request.isPending}>
            {request.isPending ? "Sending…" : "Email me a link"}
          </button>
        </form>
      )}
    </div>
  );
}
