-- AlterTable
ALTER TABLE "imports" ADD COLUMN     "bytes_read" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN     "deduped_at" TIMESTAMP(3),
ADD COLUMN     "parsed_count" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "requested_format" TEXT;
