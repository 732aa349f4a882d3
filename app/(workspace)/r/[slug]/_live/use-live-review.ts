"use client";
// Keeps a review's screens current while others work: the server says which parts changed (never how anyone
// decided), and this page refetches what it shows through the procedures. A lost connection is retried with a
// growing delay, and once back the page refetches, since changes made meanwhile were not heard.
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useEffectEvent, useState } from "react";
import { useTRPC } from "@/app/_components/trpc";
import { reconnectDelay } from "@/app/_lib/reconnect-delay";

export type LiveState = "connecting" | "live" | "reconnecting";

export function useLiveReview(reviewId: string): LiveState {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [state, setState] = useState<LiveState>("connecting");

  const refetch = useEffectEvent(() => {
    void queryClient.invalidateQueries({ queryKey: trpc.dashboard.pathKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.screening.pathKey() });
  });

  useEffect(() => {
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let attempt = 0;
    let lost = false;

    function connect() {
      const next = new EventSource(`/api/reviews/${encodeURIComponent(reviewId)}/live`);
      source = next;
      next.addEventListener("open", () => {
        attempt = 0;
        setState("live");
        if (lost) refetch();
        lost = false;
      });
      next.addEventListener("change", () => refetch());
      // The browser's own retry would come back at once and keep no count; this one waits longer each time.
      const drop = () => {
        next.close();
        lost = true;
        setState("reconnecting");
        retry = setTimeout(connect, reconnectDelay(attempt++));
      };
      next.addEventListener("error", drop);
      next.addEventListener("end", drop);
    }

    connect();
    return () => {
      clearTimeout(retry);
      source?.close();
    };
  }, [reviewId]);

  return state;
}
