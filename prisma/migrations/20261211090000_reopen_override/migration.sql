-- A lead may reopen a settled record at a stage (its decisions kept as superseded, the outcome back to awaiting)
-- or override its final verdict; each such change is a row of outcome_changes, and an overridden outcome points
-- at the override in force (server/screening/reopen-override.ts).

-- CreateEnum
CREATE TYPE "outcome_change_kind" AS ENUM ('reopen', 'override');

-- AlterTable
ALTER TABLE "screening_outcomes" ADD COLUMN "override_id" TEXT;

-- CreateTable
CREATE TABLE "outcome_changes" (
    "id" TEXT NOT NULL,
    "review_id" TEXT NOT NULL,
    "record_id" TEXT NOT NULL,
    "stage" "stage" NOT NULL,
    "kind" "outcome_change_kind" NOT NULL,
    "from_status" "outcome_status" NOT NULL,
    "from_reason_id" TEXT,
    "to_status" "outcome_status" NOT NULL,
    "to_reason_id" TEXT,
    "note" TEXT NOT NULL DEFAULT '',
    "undone" JSONB NOT NULL DEFAULT '{}',
    "actor_id" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "outcome_changes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "superseded_decisions" (
    "id" TEXT NOT NULL,
    "review_id" TEXT NOT NULL,
    "record_id" TEXT NOT NULL,
    "stage" "stage" NOT NULL,
    "reviewer_id" TEXT NOT NULL,
    "verdict" "verdict" NOT NULL,
    "reason_id" TEXT,
    "note" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMP(3) NOT NULL,
    "updated_at" TIMESTAMP(3) NOT NULL,
    "change_id" TEXT NOT NULL,

    CONSTRAINT "superseded_decisions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "screening_outcomes_override_id_idx" ON "screening_outcomes"("override_id");

-- CreateIndex
CREATE INDEX "outcome_changes_record_id_stage_idx" ON "outcome_changes"("record_id", "stage");

-- CreateIndex
CREATE INDEX "outcome_changes_review_id_stage_idx" ON "outcome_changes"("review_id", "stage");

-- CreateIndex
CREATE INDEX "outcome_changes_actor_id_idx" ON "outcome_changes"("actor_id");

-- CreateIndex
CREATE INDEX "outcome_changes_from_reason_id_idx" ON "outcome_changes"("from_reason_id");

-- CreateIndex
CREATE INDEX "outcome_changes_to_reason_id_idx" ON "outcome_changes"("to_reason_id");

-- CreateIndex
CREATE INDEX "superseded_decisions_review_id_stage_idx" ON "superseded_decisions"("review_id", "stage");

-- CreateIndex
CREATE INDEX "superseded_decisions_record_id_stage_idx" ON "superseded_decisions"("record_id", "stage");

-- CreateIndex
CREATE INDEX "superseded_decisions_reviewer_id_idx" ON "superseded_decisions"("reviewer_id");

-- CreateIndex
CREATE INDEX "superseded_decisions_reason_id_idx" ON "superseded_decisions"("reason_id");

-- CreateIndex
CREATE INDEX "superseded_decisions_change_id_idx" ON "superseded_decisions"("change_id");

-- AddForeignKey
ALTER TABLE "screening_outcomes" ADD CONSTRAINT "screening_outcomes_override_id_fkey" FOREIGN KEY ("override_id") REFERENCES "outcome_changes"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "outcome_changes" ADD CONSTRAINT "outcome_changes_review_id_fkey" FOREIGN KEY ("review_id") REFERENCES "reviews"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "outcome_changes" ADD CONSTRAINT "outcome_changes_record_id_fkey" FOREIGN KEY ("record_id") REFERENCES "records"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "outcome_changes" ADD CONSTRAINT "outcome_changes_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "outcome_changes" ADD CONSTRAINT "outcome_changes_from_reason_id_fkey" FOREIGN KEY ("from_reason_id") REFERENCES "exclusion_reasons"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "outcome_changes" ADD CONSTRAINT "outcome_changes_to_reason_id_fkey" FOREIGN KEY ("to_reason_id") REFERENCES "exclusion_reasons"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "superseded_decisions" ADD CONSTRAINT "superseded_decisions_review_id_fkey" FOREIGN KEY ("review_id") REFERENCES "reviews"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "superseded_decisions" ADD CONSTRAINT "superseded_decisions_record_id_fkey" FOREIGN KEY ("record_id") REFERENCES "records"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "superseded_decisions" ADD CONSTRAINT "superseded_decisions_reviewer_id_fkey" FOREIGN KEY ("reviewer_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "superseded_decisions" ADD CONSTRAINT "superseded_decisions_reason_id_fkey" FOREIGN KEY ("reason_id") REFERENCES "exclusion_reasons"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "superseded_decisions" ADD CONSTRAINT "superseded_decisions_change_id_fkey" FOREIGN KEY ("change_id") REFERENCES "outcome_changes"("id") ON DELETE CASCADE ON UPDATE CASCADE;
