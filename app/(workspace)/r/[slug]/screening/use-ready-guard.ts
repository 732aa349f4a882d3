"use client";
import { useEffect, useRef, useState } from "react";

/**
 * Whether the record on screen has been shown long enough to take a decision. Two key presses 15 ms apart
 * once decided two records, the second unread: a decision made sooner than `delayMs` after a new record
 * appears is ignored (not queued). `announce` is the text a polite live region reads the first time the screen
 * becomes ready, so a screen-reader user learns once why an early key did nothing.
 */
export function useReadyGuard(recordId: string | null, delayMs: number) {
  const [readyFor, setReadyFor] = useState<string | null>(null);
  const readyRef = useRef<string | null>(null);
  const [announced, setAnnounced] = useState(false);

  useEffect(() => {
    if (!recordId) return;
    if (delayMs <= 0) {
      readyRef.current = recordId;
      setReadyFor(recordId);
      return;
    }
    const timer = window.setTimeout(() => {
      readyRef.current = recordId;
      setReadyFor(recordId);
      setAnnounced(true);
    }, delayMs);
    return () => window.clearTimeout(timer);
  }, [recordId, delayMs]);

  const ready = recordId !== null && readyFor === recordId;
  return {
    ready,
    /** Read at the moment of a key press, not from the last render, so a press between renders is judged right. */
    isReady: () => recordId !== null && readyRef.current === recordId,
    /** A decision spends the readiness, so nothing decides again before the next record has been shown. */
    consume: () => {
      readyRef.current = null;
      // Also for the cue: a record that comes back (a refusal, an undo) waits its pause again.
      setReadyFor(null);
    },
    announce: announced ? "Ready: decision keys work once a new record has been on screen for a moment." : "",
  };
}
