-- DropForeignKey
ALTER TABLE "record_rankings" DROP CONSTRAINT "record_rankings_record_id_fkey";

-- DropForeignKey
ALTER TABLE "record_rankings" DROP CONSTRAINT "record_rankings_review_id_fkey";

-- DropForeignKey
ALTER TABLE "record_rankings" DROP CONSTRAINT "record_rankings_reviewer_id_fkey";

-- AlterTable
ALTER TABLE "ranking_models" ADD COLUMN     "ranked_record_ids" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- DropTable
DROP TABLE "record_rankings";

-- A ranking is rebuilt from the decisions at the next retraining: models trained before this migration count as
-- untrained until then, so serving falls back to import order instead of an empty ranking.
UPDATE "ranking_models" SET "trained_at" = NULL;
