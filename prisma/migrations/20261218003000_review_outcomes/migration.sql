-- The review-level list of outcomes that extraction result rows are recorded against.
CREATE TYPE "review_outcome_type" AS ENUM ('continuous', 'binary', 'time_to_event', 'single_group');

CREATE TYPE "review_outcome_direction" AS ENUM ('higher_is_better', 'lower_is_better');

CREATE TABLE "review_outcomes" (
    "id" TEXT NOT NULL,
    "review_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "type" "review_outcome_type" NOT NULL,
    "unit" TEXT NOT NULL DEFAULT '',
    "direction" "review_outcome_direction" NOT NULL,
    "position" INTEGER NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "review_outcomes_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "review_outcomes_review_id_name_key" ON "review_outcomes"("review_id", "name");

ALTER TABLE "review_outcomes" ADD CONSTRAINT "review_outcomes_review_id_fkey" FOREIGN KEY ("review_id") REFERENCES "reviews"("id") ON DELETE CASCADE ON UPDATE CASCADE;
