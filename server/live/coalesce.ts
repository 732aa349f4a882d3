// At fifty reviewers a review changes several times a second; a browser needs to hear that at most once a second,
// since all it does is fetch what it shows again. The first change in a quiet spell is passed on at once, the
// ones that follow within the window together when it ends.

export interface Timers {
  set(run: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const realTimers: Timers = {
  set: (run, ms) => setTimeout(run, ms),
  clear: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export interface Coalescer<T> {
  add(item: T): void;
  stop(): void;
}

/** Calls `flush` with the distinct items added, at most once per `windowMs`. */
export function coalesce<T>(flush: (items: T[]) => void, windowMs: number, timers: Timers = realTimers): Coalescer<T> {
  let pending = new Set<T>();
  let window: unknown = null;
  let stopped = false;

  function open() {
    window = timers.set(() => {
      window = null;
      if (pending.size === 0 || stopped) return;
      send();
    }, windowMs);
  }

  function send() {
    const items = [...pending];
    pending = new Set();
    flush(items);
    open();
  }

  return {
    add(item) {
      if (stopped) return;
      pending.add(item);
      if (window === null) send();
    },
    stop() {
      stopped = true;
      if (window !== null) timers.clear(window);
      window = null;
    },
  };
}
