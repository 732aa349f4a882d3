// A lead's label put on (or taken off) the records chosen in the browser: the choice is resolved here, where the
// browser's filters live, and the labelling itself is the labels' own.
import type { Db } from "../db/client";
import { labelSelection } from "../labels/record-labels";
import type { MemberScope } from "../shared/actor";
import type { ChosenRecords } from "./browse-input";
import { chosenRecordIds } from "./chosen-records";

export async function labelChosenRecords(
  db: Db,
  member: MemberScope,
  input: { labelId: string; on: boolean } & ChosenRecords,
) {
  const recordIds = await chosenRecordIds(db, member, input);
  return labelSelection(db, member, { labelId: input.labelId, on: input.on, recordIds });
}
