// The sentence a screening screen shows for a failed request, ending with a full stop so that more can follow.

/** tRPC puts the response's status under `data.httpStatus`; a request that never got an answer has none. */
function answered(err: Error): boolean {
  const status = (err as { data?: { httpStatus?: unknown } | null }).data?.httpStatus;
  return typeof status === "number";
}

export function errorText(err: unknown): string {
  if (!(err instanceof Error)) return "Something went wrong. Try again.";
  // The browser's own words for a request that got no answer ("Failed to fetch", "Load failed") say nothing useful.
  if (!answered(err) && (err instanceof TypeError || err.cause instanceof TypeError))
    return "Sift could not be reached: check your connection.";
  const message = err.message.trim() || "Something went wrong.";
  return /[.!?…]$/.test(message) ? message : `${message}.`;
}
