-- AlterTable
ALTER TABLE "reports" ADD COLUMN     "byte_size" INTEGER,
ADD COLUMN     "retrieval_note" TEXT NOT NULL DEFAULT '';
