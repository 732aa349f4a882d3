-- Merging duplicates as a group fills the kept record's empty fields from the records merged into it; each filled
-- field is a row here, so undoing that merge (or withdrawing the donor's import) clears exactly what was filled
-- (server/dedup/merge-group.ts, server/dedup/field-fills.ts).

-- CreateTable
CREATE TABLE "record_field_fills" (
    "id" TEXT NOT NULL,
    "review_id" TEXT NOT NULL,
    "record_id" TEXT NOT NULL,
    "donor_id" TEXT NOT NULL,
    "field" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "record_field_fills_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "record_field_fills_record_id_field_key" ON "record_field_fills"("record_id", "field");

-- CreateIndex
CREATE INDEX "record_field_fills_donor_id_idx" ON "record_field_fills"("donor_id");

-- CreateIndex
CREATE INDEX "record_field_fills_review_id_idx" ON "record_field_fills"("review_id");

-- AddForeignKey
ALTER TABLE "record_field_fills" ADD CONSTRAINT "record_field_fills_review_id_fkey" FOREIGN KEY ("review_id") REFERENCES "reviews"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "record_field_fills" ADD CONSTRAINT "record_field_fills_record_id_fkey" FOREIGN KEY ("record_id") REFERENCES "records"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "record_field_fills" ADD CONSTRAINT "record_field_fills_donor_id_fkey" FOREIGN KEY ("donor_id") REFERENCES "records"("id") ON DELETE CASCADE ON UPDATE CASCADE;
