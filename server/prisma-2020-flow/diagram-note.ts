// The note a downloaded diagram carries when its numbers are not final: a figure copied into a manuscript or a
// slide leaves the page that explained it, so it says on its face that screening was in progress, or that its
// numbers do not add up.
import type { Prisma2020Flow } from "./flow";
import { pendingWork } from "./pending-work";

export function diagramNote(flow: Prisma2020Flow, asOf: Date): string | null {
  const date = asOf.toISOString().slice(0, 10);
  if (flow.state === "inconsistent") {
    const failed = flow.checks.filter((c) => c.state === "inconsistent").length;
    return `Inconsistent on ${date}: ${failed === 1 ? "1 identity" : `${failed} identities`} of this diagram cannot hold, so some of its numbers are wrong. See the review's PRISMA page in Sift.`;
  }
  if (flow.state === "in_progress") {
    const pending = pendingWork(flow).map((p) => p.summary);
    return `Review in progress on ${date}: ${pending.join("; ")}. These numbers will change.`;
  }
  return null;
}
