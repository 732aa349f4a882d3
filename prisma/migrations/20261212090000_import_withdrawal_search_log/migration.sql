-- Imports can be withdrawn, are asked about when they repeat an earlier one, and carry their search log (issue #16).
-- A withdrawn import's records, and every row that hung off them, move into withdrawn_rows (as JSON, with their own
-- ids), so nothing that reads the review's records needs to know about withdrawal:
-- docs/decisions/0005-withdrawn-imports-are-archived.md.

-- AlterEnum (new values are not used in this transaction, which PostgreSQL 12+ allows)
ALTER TYPE "import_status" ADD VALUE 'awaiting_confirmation';
ALTER TYPE "import_status" ADD VALUE 'cancelled';
ALTER TYPE "import_status" ADD VALUE 'withdrawing';
ALTER TYPE "import_status" ADD VALUE 'withdrawn';

-- AlterTable
ALTER TABLE "imports" ADD COLUMN     "sha256" TEXT,
ADD COLUMN     "duplicate_check" JSONB,
ADD COLUMN     "confirmed_at" TIMESTAMP(3),
ADD COLUMN     "platform" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "searched_on" TIMESTAMP(3),
ADD COLUMN     "search_string" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "limits" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "withdrawn_at" TIMESTAMP(3),
ADD COLUMN     "withdrawn_by_id" TEXT,
ADD COLUMN     "withdrawal_reason" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "withdrawal_progress" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "withdrawal_error" TEXT;

-- CreateTable
CREATE TABLE "withdrawn_rows" (
    "id" TEXT NOT NULL,
    "review_id" TEXT NOT NULL,
    "import_id" TEXT NOT NULL,
    "table_name" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "file_key" TEXT,

    CONSTRAINT "withdrawn_rows_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "imports_withdrawn_by_id_idx" ON "imports"("withdrawn_by_id");

-- CreateIndex
CREATE INDEX "imports_review_id_sha256_idx" ON "imports"("review_id", "sha256");

-- CreateIndex
CREATE INDEX "withdrawn_rows_review_id_table_name_idx" ON "withdrawn_rows"("review_id", "table_name");

-- CreateIndex
CREATE INDEX "withdrawn_rows_import_id_table_name_idx" ON "withdrawn_rows"("import_id", "table_name");

-- AddForeignKey
ALTER TABLE "imports" ADD CONSTRAINT "imports_withdrawn_by_id_fkey" FOREIGN KEY ("withdrawn_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "withdrawn_rows" ADD CONSTRAINT "withdrawn_rows_review_id_fkey" FOREIGN KEY ("review_id") REFERENCES "reviews"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "withdrawn_rows" ADD CONSTRAINT "withdrawn_rows_import_id_fkey" FOREIGN KEY ("import_id") REFERENCES "imports"("id") ON DELETE CASCADE ON UPDATE CASCADE;
