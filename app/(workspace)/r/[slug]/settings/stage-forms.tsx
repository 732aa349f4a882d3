"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { ErrorAlert, SuccessAlert } from "@/app/_components/alerts";
import {
  ExclusionReasonsField,
  readReasons,
  readStageSettings,
  StageSettingsFields,
} from "@/app/_components/stage-settings-fields";
import { useTRPC } from "@/app/_components/trpc";
import type { StageSettings } from "@/server/api/contract/reviews";
import type { Stage } from "@/server/shared/stages";

interface StageFormProps {
  reviewId: string;
  stage: Stage;
  canEdit: boolean;
}

interface StageSettingsFormProps extends StageFormProps {
  settings: StageSettings;
}

export function StageSettingsForm({ reviewId, stage, canEdit, settings }: StageSettingsFormProps) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  // What screens show depends on these settings (the ranking, blinding, counts): cached answers are stale now.
  const update = useMutation(
    trpc.reviews.updateStageSettings.mutationOptions({
      onSuccess: () => {
        router.refresh();
        return queryClient.invalidateQueries();
      },
    }),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    update.mutate({ reviewId, stage, settings: readStageSettings(new FormData(event.currentTarget), stage) });
  }

  return (
    <form onSubmit={onSubmit}>
      <ErrorAlert>{update.error?.message}</ErrorAlert>
      <SuccessAlert>{update.isSuccess ? "Screening settings saved." : null}</SuccessAlert>
      <fieldset className="plain" disabled={!canEdit}>
        <StageSettingsFields stage={stage} settings={settings} />
        {canEdit && (
          <button type="submit" className="btn btn-primary" disabled={update.isPending}>
            {update.isPending ? "Saving…" : "Save screening settings"}
          </button>
        )}
      </fieldset>
    </form>
  );
}

export function ExclusionReasonsForm({ reviewId, stage, canEdit, reasons }: StageFormProps & { reasons: string[] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const update = useMutation(trpc.reviews.setExclusionReasons.mutationOptions({ onSuccess: () => router.refresh() }));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    update.mutate({ reviewId, stage, labels: readReasons(new FormData(event.currentTarget), stage) });
  }

  return (
    <form onSubmit={onSubmit}>
      <ErrorAlert>{update.error?.message}</ErrorAlert>
      <SuccessAlert>{update.isSuccess ? "Exclusion reasons saved." : null}</SuccessAlert>
      <fieldset className="plain" disabled={!canEdit}>
        <ExclusionReasonsField stage={stage} reasons={reasons} />
        {canEdit && (
          <button type="submit" className="btn btn-primary" disabled={update.isPending}>
            {update.isPending ? "Saving…" : "Save exclusion reasons"}
          </button>
        )}
      </fieldset>
    </form>
  );
}
