-- AlterTable
ALTER TABLE "stopping_samples" ADD COLUMN     "held_record_ids" TEXT[] DEFAULT ARRAY[]::TEXT[];
