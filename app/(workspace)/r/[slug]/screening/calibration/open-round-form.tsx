"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { ErrorAlert, SuccessAlert } from "@/app/_components/alerts";
import { useTRPC } from "@/app/_components/trpc";
import { hasRole } from "@/server/shared/roles";
import { STAGE_LABELS, STAGES, type Stage } from "@/server/shared/stages";

const DEFAULT_SIZE = 10;
const DEFAULT_TARGET = 0.6;

/**
 * A lead opens a round: how many unscreened records at random (or the records ticked in the record browser,
 * `chosen`), the stage, who takes part (everyone who screens, unless unticked) and the kappa to aim for.
 */
export function OpenRoundForm({ reviewId, chosen }: { reviewId: string; chosen: string[] }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const members = useQuery(trpc.team.members.queryOptions({ reviewId }));
  const screeners = (members.data ?? []).filter((m) => !m.removedAt && hasRole(m.role, "reviewer"));
  const [left, setLeft] = useState<ReadonlySet<string>>(new Set());
  const [message, setMessage] = useState<string | null>(null);
  const open = useMutation(
    trpc.calibration.open.mutationOptions({
      onSuccess: (round) => {
        setMessage(`Round ${round.number} is open: its participants find it on the screening page.`);
        void queryClient.invalidateQueries({ queryKey: trpc.calibration.rounds.pathKey() });
      },
    }),
  );
  const participants = screeners.filter((m) => !left.has(m.userId)).map((m) => m.userId);
  const openRound = useQuery(trpc.calibration.rounds.queryOptions({ reviewId })).data?.find((r) => r.status === "open");

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setMessage(null);
    open.mutate({
      reviewId,
      stage: String(form.get("stage")) as Stage,
      ...(chosen.length > 0 ? { recordIds: chosen } : { size: Number(form.get("size")) }),
      participantIds: participants,
      kappaTarget: Number(form.get("kappaTarget")),
    });
  }

  if (openRound && !message)
    return (
      <p className="muted">
        Round {openRound.number} is open: a new round can be opened once it is closed, when everyone has finished or you
        close it below.
      </p>
    );
  return (
    <form className="stack-form open-round-form" onSubmit={onSubmit} aria-describedby="open-round-help">
      <p id="open-round-help" className="muted small">
        Every participant screens the same records, blind, with the usual screen and keys. Their decisions are practice:
        they count toward no outcome, conflict, PRISMA count or ranking unless you adopt them.
      </p>
      <ErrorAlert>{open.error?.message ?? members.error?.message}</ErrorAlert>
      <SuccessAlert>{message}</SuccessAlert>
      <div className="inline-form">
        <div className="field">
          <label htmlFor="round-stage">Stage</label>
          <select id="round-stage" name="stage" defaultValue="title_abstract">
            {STAGES.map((stage) => (
              <option key={stage} value={stage}>
                {STAGE_LABELS[stage]}
              </option>
            ))}
          </select>
        </div>
        {chosen.length > 0 ? (
          <p className="field">
            <strong>{chosen.length} records</strong> chosen in the record browser
          </p>
        ) : (
          <div className="field">
            <label htmlFor="round-size">Records (a random sample of unscreened ones)</label>
            <input
              id="round-size"
              name="size"
              type="number"
              min={2}
              max={200}
              step={1}
              defaultValue={DEFAULT_SIZE}
              required
            />
          </div>
        )}
        <div className="field">
          <label htmlFor="round-target">Agreement target (kappa)</label>
          <input
            id="round-target"
            name="kappaTarget"
            type="number"
            min={-1}
            max={1}
            step={0.05}
            defaultValue={DEFAULT_TARGET}
            required
            aria-describedby="round-target-help"
          />
          <span id="round-target-help" className="muted small">
            Cohen&apos;s for two participants, Fleiss&apos; for three or more; 0.6 is “substantial” agreement.
          </span>
        </div>
      </div>
      <fieldset className="round-participants-field">
        <legend>Participants</legend>
        {screeners.map((m) => (
          <label key={m.userId} className="checkbox">
            <input
              type="checkbox"
              checked={!left.has(m.userId)}
              onChange={(e) =>
                setLeft((s) => {
                  const next = new Set(s);
                  if (e.target.checked) next.delete(m.userId);
                  else next.add(m.userId);
                  return next;
                })
              }
            />{" "}
            {m.name}
          </label>
        ))}
      </fieldset>
      <button type="submit" className="btn btn-primary" disabled={open.isPending || participants.length < 2}>
        {open.isPending ? "Opening…" : "Open the round"}
      </button>
    </form>
  );
}
