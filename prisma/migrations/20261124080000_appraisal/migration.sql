-- AlterTable
ALTER TABLE "appraisals" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "reviews" ADD COLUMN     "appraisers_per_study" INTEGER NOT NULL DEFAULT 2;
