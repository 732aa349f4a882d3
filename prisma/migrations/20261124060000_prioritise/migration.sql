-- AlterTable
ALTER TABLE "review_stage_settings" ADD COLUMN     "prioritise" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "show_relevance" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "screening_outcomes" ADD COLUMN     "stopping_sample_id" TEXT;

-- CreateTable
CREATE TABLE "ranking_models" (
    "id" TEXT NOT NULL,
    "review_id" TEXT NOT NULL,
    "stage" "stage" NOT NULL,
    "reviewer_id" TEXT NOT NULL,
    "labelled" INTEGER NOT NULL DEFAULT 0,
    "includes" INTEGER NOT NULL DEFAULT 0,
    "trained_at" TIMESTAMP(3),

    CONSTRAINT "ranking_models_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "record_rankings" (
    "review_id" TEXT NOT NULL,
    "record_id" TEXT NOT NULL,
    "stage" "stage" NOT NULL,
    "reviewer_id" TEXT NOT NULL,
    "rank" INTEGER NOT NULL,
    "relevance" INTEGER NOT NULL,

    CONSTRAINT "record_rankings_pkey" PRIMARY KEY ("record_id","stage","reviewer_id")
);

-- CreateTable
CREATE TABLE "stopping_samples" (
    "id" TEXT NOT NULL,
    "review_id" TEXT NOT NULL,
    "stage" "stage" NOT NULL,
    "started_by_id" TEXT NOT NULL,
    "started_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "remaining" INTEGER NOT NULL,
    "recall_target" DOUBLE PRECISION NOT NULL,
    "confidence" DOUBLE PRECISION NOT NULL,
    "excluded_at" TIMESTAMP(3),
    "excluded_count" INTEGER NOT NULL DEFAULT 0,
    "closed_at" TIMESTAMP(3),

    CONSTRAINT "stopping_samples_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "screening_outcomes_stopping_sample_id_idx" ON "screening_outcomes"("stopping_sample_id");

-- CreateIndex
CREATE INDEX "ranking_models_reviewer_id_idx" ON "ranking_models"("reviewer_id");

-- CreateIndex
CREATE UNIQUE INDEX "ranking_models_review_id_stage_reviewer_id_key" ON "ranking_models"("review_id", "stage", "reviewer_id");

-- CreateIndex
CREATE INDEX "record_rankings_review_id_stage_reviewer_id_rank_idx" ON "record_rankings"("review_id", "stage", "reviewer_id", "rank");

-- CreateIndex
CREATE INDEX "record_rankings_reviewer_id_idx" ON "record_rankings"("reviewer_id");

-- CreateIndex
CREATE INDEX "stopping_samples_review_id_stage_idx" ON "stopping_samples"("review_id", "stage");

-- CreateIndex
CREATE INDEX "stopping_samples_started_by_id_idx" ON "stopping_samples"("started_by_id");

-- AddForeignKey
ALTER TABLE "screening_outcomes" ADD CONSTRAINT "screening_outcomes_stopping_sample_id_fkey" FOREIGN KEY ("stopping_sample_id") REFERENCES "stopping_samples"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ranking_models" ADD CONSTRAINT "ranking_models_review_id_fkey" FOREIGN KEY ("review_id") REFERENCES "reviews"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ranking_models" ADD CONSTRAINT "ranking_models_reviewer_id_fkey" FOREIGN KEY ("reviewer_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "record_rankings" ADD CONSTRAINT "record_rankings_review_id_fkey" FOREIGN KEY ("review_id") REFERENCES "reviews"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "record_rankings" ADD CONSTRAINT "record_rankings_record_id_fkey" FOREIGN KEY ("record_id") REFERENCES "records"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "record_rankings" ADD CONSTRAINT "record_rankings_reviewer_id_fkey" FOREIGN KEY ("reviewer_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "stopping_samples" ADD CONSTRAINT "stopping_samples_review_id_fkey" FOREIGN KEY ("review_id") REFERENCES "reviews"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "stopping_samples" ADD CONSTRAINT "stopping_samples_started_by_id_fkey" FOREIGN KEY ("started_by_id") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- Title/abstract screening of existing reviews serves the likeliest includes first, as new reviews do.
UPDATE "review_stage_settings" SET "prioritise" = true WHERE "stage" = 'title_abstract';
