-- AlterTable
ALTER TABLE "extraction_forms" ADD COLUMN     "draft" JSONB,
ADD COLUMN     "draft_revision" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "extractors_per_study" INTEGER NOT NULL DEFAULT 2;
