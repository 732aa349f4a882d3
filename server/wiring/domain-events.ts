// Who hears each domain's announcements. Called where a process starts: by the `sift` command before any command
// runs (so `sift start`, whose web server Next.js runs in the same process, its job worker, and the commands that
// seed or restore reviews) and by the test set-up (server/test/wiring.setup.ts); calling it again changes nothing.
import { onDecisionsChanged } from "../events/decisions-changed";
import { requestRetraining } from "../prioritise/request-retraining";

const wired = globalThis as unknown as { siftDomainEventsWired?: boolean };

export function wireDomainEvents(): void {
  if (wired.siftDomainEventsWired) return;
  wired.siftDomainEventsWired = true;
  // A changed decision is a new label for the rankings that learn from it.
  onDecisionsChanged(({ db, ...change }) => requestRetraining(db, change));
}
