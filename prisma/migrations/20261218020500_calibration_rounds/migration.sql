-- Pilot (calibration) rounds and the criteria versions they are screened under (issue #21). Round decisions
-- are a table of their own so that nothing counting screening (outcomes, conflicts, PRISMA, agreement, the
-- ranker) can read them by accident.
CREATE TYPE "calibration_round_status" AS ENUM ('open', 'closed');

CREATE TABLE "criteria_versions" (
    "id" TEXT NOT NULL,
    "review_id" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "inclusion_criteria" TEXT NOT NULL,
    "exclusion_criteria" TEXT NOT NULL,
    "include_keywords" TEXT[],
    "exclude_keywords" TEXT[],
    "exclusion_reasons" JSONB NOT NULL,
    "changed" TEXT[],
    "actor_id" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "criteria_versions_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "calibration_rounds" (
    "id" TEXT NOT NULL,
    "review_id" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "stage" "stage" NOT NULL,
    "criteria_version_id" TEXT NOT NULL,
    "kappa_target" DOUBLE PRECISION NOT NULL,
    "status" "calibration_round_status" NOT NULL DEFAULT 'open',
    "opened_by_id" TEXT NOT NULL,
    "opened_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closed_by_id" TEXT,
    "closed_at" TIMESTAMP(3),
    "adopted_by_id" TEXT,
    "adopted_at" TIMESTAMP(3),

    CONSTRAINT "calibration_rounds_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "calibration_participants" (
    "round_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,

    CONSTRAINT "calibration_participants_pkey" PRIMARY KEY ("round_id","user_id")
);

CREATE TABLE "calibration_records" (
    "round_id" TEXT NOT NULL,
    "record_id" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "adopted_at" TIMESTAMP(3),

    CONSTRAINT "calibration_records_pkey" PRIMARY KEY ("round_id","record_id")
);

CREATE TABLE "calibration_decisions" (
    "id" TEXT NOT NULL,
    "round_id" TEXT NOT NULL,
    "record_id" TEXT NOT NULL,
    "reviewer_id" TEXT NOT NULL,
    "verdict" "verdict" NOT NULL,
    "reason_id" TEXT,
    "note" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "calibration_decisions_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "criteria_versions_review_id_number_key" ON "criteria_versions"("review_id", "number");
CREATE INDEX "criteria_versions_actor_id_idx" ON "criteria_versions"("actor_id");
CREATE UNIQUE INDEX "calibration_rounds_review_id_number_key" ON "calibration_rounds"("review_id", "number");
CREATE INDEX "calibration_rounds_criteria_version_id_idx" ON "calibration_rounds"("criteria_version_id");
CREATE INDEX "calibration_rounds_opened_by_id_idx" ON "calibration_rounds"("opened_by_id");
CREATE INDEX "calibration_rounds_closed_by_id_idx" ON "calibration_rounds"("closed_by_id");
CREATE INDEX "calibration_rounds_adopted_by_id_idx" ON "calibration_rounds"("adopted_by_id");
CREATE INDEX "calibration_participants_user_id_idx" ON "calibration_participants"("user_id");
CREATE INDEX "calibration_records_record_id_idx" ON "calibration_records"("record_id");
CREATE UNIQUE INDEX "calibration_decisions_round_id_record_id_reviewer_id_key" ON "calibration_decisions"("round_id", "record_id", "reviewer_id");
CREATE INDEX "calibration_decisions_record_id_idx" ON "calibration_decisions"("record_id");
CREATE INDEX "calibration_decisions_reviewer_id_idx" ON "calibration_decisions"("reviewer_id");
CREATE INDEX "calibration_decisions_reason_id_idx" ON "calibration_decisions"("reason_id");

ALTER TABLE "criteria_versions" ADD CONSTRAINT "criteria_versions_review_id_fkey" FOREIGN KEY ("review_id") REFERENCES "reviews"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "criteria_versions" ADD CONSTRAINT "criteria_versions_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "calibration_rounds" ADD CONSTRAINT "calibration_rounds_review_id_fkey" FOREIGN KEY ("review_id") REFERENCES "reviews"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "calibration_rounds" ADD CONSTRAINT "calibration_rounds_criteria_version_id_fkey" FOREIGN KEY ("criteria_version_id") REFERENCES "criteria_versions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "calibration_rounds" ADD CONSTRAINT "calibration_rounds_opened_by_id_fkey" FOREIGN KEY ("opened_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "calibration_rounds" ADD CONSTRAINT "calibration_rounds_closed_by_id_fkey" FOREIGN KEY ("closed_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "calibration_rounds" ADD CONSTRAINT "calibration_rounds_adopted_by_id_fkey" FOREIGN KEY ("adopted_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "calibration_participants" ADD CONSTRAINT "calibration_participants_round_id_fkey" FOREIGN KEY ("round_id") REFERENCES "calibration_rounds"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "calibration_participants" ADD CONSTRAINT "calibration_participants_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "calibration_records" ADD CONSTRAINT "calibration_records_round_id_fkey" FOREIGN KEY ("round_id") REFERENCES "calibration_rounds"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "calibration_records" ADD CONSTRAINT "calibration_records_record_id_fkey" FOREIGN KEY ("record_id") REFERENCES "records"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "calibration_decisions" ADD CONSTRAINT "calibration_decisions_round_id_fkey" FOREIGN KEY ("round_id") REFERENCES "calibration_rounds"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "calibration_decisions" ADD CONSTRAINT "calibration_decisions_record_id_fkey" FOREIGN KEY ("record_id") REFERENCES "records"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "calibration_decisions" ADD CONSTRAINT "calibration_decisions_reviewer_id_fkey" FOREIGN KEY ("reviewer_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "calibration_decisions" ADD CONSTRAINT "calibration_decisions_reason_id_fkey" FOREIGN KEY ("reason_id") REFERENCES "exclusion_reasons"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- Every existing review starts with its criteria as they stand now as version 1.
INSERT INTO "criteria_versions" ("id", "review_id", "number", "inclusion_criteria", "exclusion_criteria",
                                 "include_keywords", "exclude_keywords", "exclusion_reasons", "changed", "actor_id", "created_at")
SELECT gen_random_uuid()::text, r."id", 1, r."inclusion_criteria", r."exclusion_criteria", r."include_keywords", r."exclude_keywords",
       jsonb_build_object(
         'title_abstract', COALESCE((SELECT jsonb_agg(e."label" ORDER BY e."position") FROM "exclusion_reasons" e
                                      WHERE e."review_id" = r."id" AND e."stage" = 'title_abstract' AND e."archived_at" IS NULL), '[]'::jsonb),
         'full_text', COALESCE((SELECT jsonb_agg(e."label" ORDER BY e."position") FROM "exclusion_reasons" e
                                 WHERE e."review_id" = r."id" AND e."stage" = 'full_text' AND e."archived_at" IS NULL), '[]'::jsonb)),
       '{}', r."created_by_id", r."created_at"
  FROM "reviews" r;
