// The part of de-duplication the Duplicates screen may use: which empty fields of the kept record a group merge
// fills, and from which record, so the screen previews exactly what the merge will write.
export {
  FILLABLE_FIELDS,
  type FillableField,
  type FillableRecord,
  type PlannedFill,
  planFills,
} from "../../dedup/fill-plan";
