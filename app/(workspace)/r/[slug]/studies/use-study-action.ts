"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/app/_components/trpc";

/** Every grouping change refreshes the list and reports success or the server's message in one place. */
export function useStudyAction() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [message, setMessage] = useState<{ kind: "success" | "error"; text: string } | null>(null);
  const onSettled = () => queryClient.invalidateQueries({ queryKey: trpc.studies.pathKey() });
  const options = {
    // A change waiting for confirmation is asked about on its study's card, not reported as a failure.
    onError: (err: { message: string; data?: { appCode?: string | null } | null }) => {
      if (!needsConfirmation(err)) setMessage({ kind: "error", text: err.message });
    },
    onSettled,
  };
  return {
    message,
    setMessage,
    create: useMutation(trpc.studies.create.mutationOptions(options)),
    move: useMutation(trpc.studies.moveReports.mutationOptions(options)),
    merge: useMutation(trpc.studies.merge.mutationOptions(options)),
    split: useMutation(trpc.studies.split.mutationOptions(options)),
    rename: useMutation(trpc.studies.rename.mutationOptions(options)),
    setDesign: useMutation(trpc.studies.setDesign.mutationOptions(options)),
    setTool: useMutation(trpc.studies.setTool.mutationOptions(options)),
  };
}

export function needsConfirmation(err: unknown): boolean {
  return (err as { data?: { appCode?: string | null } | null } | null)?.data?.appCode === "CONFIRM_REQUIRED";
}

export type StudyActions = ReturnType<typeof useStudyAction>;
