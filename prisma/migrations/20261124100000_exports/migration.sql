-- CreateEnum
CREATE TYPE "export_status" AS ENUM ('queued', 'running', 'succeeded', 'failed');

-- CreateTable
CREATE TABLE "exports" (
    "id" TEXT NOT NULL,
    "review_id" TEXT NOT NULL,
    "requested_by_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "stage" "stage",
    "options" JSONB NOT NULL DEFAULT '{}',
    "status" "export_status" NOT NULL DEFAULT 'queued',
    "total" INTEGER NOT NULL DEFAULT 0,
    "done" INTEGER NOT NULL DEFAULT 0,
    "file_key" TEXT,
    "file_name" TEXT,
    "byte_size" BIGINT NOT NULL DEFAULT 0,
    "error" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMP(3),

    CONSTRAINT "exports_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "exports_review_id_created_at_idx" ON "exports"("review_id", "created_at");

-- CreateIndex
CREATE INDEX "exports_requested_by_id_idx" ON "exports"("requested_by_id");

-- AddForeignKey
ALTER TABLE "exports" ADD CONSTRAINT "exports_review_id_fkey" FOREIGN KEY ("review_id") REFERENCES "reviews"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "exports" ADD CONSTRAINT "exports_requested_by_id_fkey" FOREIGN KEY ("requested_by_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
