-- RoB 2 and ROBINS-I appraisals name the result they assess: a review outcome and a time point. Existing appraisals
-- keep outcome_id NULL ("result not named yet") and still count. The unique index is NULLS NOT DISTINCT so that an
-- appraiser still has at most one appraisal of a study with a tool whose result is not named.
ALTER TABLE "appraisals" ADD COLUMN "outcome_id" TEXT;
ALTER TABLE "appraisals" ADD COLUMN "time_point" TEXT NOT NULL DEFAULT '';

DROP INDEX "appraisals_study_id_tool_appraiser_id_is_consensus_key";
CREATE UNIQUE INDEX "appraisals_result_key" ON "appraisals"("study_id", "tool", "appraiser_id", "is_consensus", "outcome_id", "time_point") NULLS NOT DISTINCT;
CREATE INDEX "appraisals_outcome_id_idx" ON "appraisals"("outcome_id");

ALTER TABLE "appraisals" ADD CONSTRAINT "appraisals_outcome_id_fkey" FOREIGN KEY ("outcome_id") REFERENCES "review_outcomes"("id") ON DELETE SET NULL ON UPDATE CASCADE;
