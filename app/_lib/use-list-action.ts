"use client";
import { useState } from "react";

export interface ListNotice {
  error: boolean;
  text: string;
}

/**
 * A lead's change to a review's list (labels, outcomes): runs it, says how it went in one notice, and asks for the
 * list again whether it worked or not, since a refusal often means the list changed meanwhile.
 */
export function useListAction(refresh: () => void) {
  const [notice, setNotice] = useState<ListNotice | null>(null);
  async function run(action: () => Promise<unknown>, done: string) {
    setNotice(null);
    try {
      await action();
      setNotice({ error: false, text: done });
      return true;
    } catch (err) {
      setNotice({ error: true, text: err instanceof Error ? err.message : "Something went wrong. Try again." });
      return false;
    } finally {
      refresh();
    }
  }
  return { notice, run };
}
