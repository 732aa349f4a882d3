// When the client asks again after a failed query. A refusal (signed out, not allowed, not found, bad input, a
// conflict) gives the same answer every time, so asking again only keeps the screen on "Loading…"; a request
// that got no answer, or a server that failed, may succeed a moment later.

/** tRPC puts the response's status under `data.httpStatus`; a request that never got an answer has none. */
function httpStatusOf(error: unknown): number | null {
  const status = (error as { data?: { httpStatus?: unknown } | null } | null)?.data?.httpStatus;
  return typeof status === "number" ? status : null;
}

const RETRIES = 1;

export function shouldRetryQuery(failureCount: number, error: unknown): boolean {
  if (failureCount >= RETRIES) return false;
  const status = httpStatusOf(error);
  return status === null || status >= 500;
}
