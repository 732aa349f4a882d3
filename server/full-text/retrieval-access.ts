// Who may change a report's retrieval. A report exists exactly when its record was included at title/abstract,
// and whether a retrieved report can still be taken back tells whether its full-text screening began; so a
// reviewer who may not see a stage's outcomes is refused before anything about the report is read, with one
// answer for every report id, real or not.

import type { Db, Tx } from "../db/client";
import { refuseUnlessSeesOthersDecisions } from "../reviews/stage-visibility";
import type { MemberScope } from "../shared/actor";

/** Attaching, linking or marking a full text: for those who may see which records reached full text. */
export async function assertMayRetrieve(db: Db | Tx, scope: MemberScope): Promise<void> {
  await refuseUnlessSeesOthersDecisions(
    db,
    scope,
    "title_abstract",
    "While title/abstract screening is blinded, full texts are retrieved by the review's leads.",
  );
}

/**
 * Taking back a retrieved full text is refused once its screening began; to a reviewer blinded at full text that
 * refusal would say a co-reviewer has decided, so they may take back only what was never retrieved.
 */
export async function assertMayTakeBack(db: Db | Tx, scope: MemberScope, status: string): Promise<void> {
  if (status !== "retrieved") return;
  await refuseUnlessSeesOthersDecisions(
    db,
    scope,
    "full_text",
    "While full-text screening is blinded, only the review's leads can take back a retrieved full text.",
  );
}
