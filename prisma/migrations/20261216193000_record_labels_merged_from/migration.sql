-- A label a kept record carries only because a duplicate was merged into it, so undoing the merge takes it back.
ALTER TABLE "record_labels" ADD COLUMN "merged_from_id" TEXT;

-- CreateIndex
CREATE INDEX "record_labels_merged_from_id_idx" ON "record_labels"("merged_from_id");

-- AddForeignKey
ALTER TABLE "record_labels" ADD CONSTRAINT "record_labels_merged_from_id_fkey" FOREIGN KEY ("merged_from_id") REFERENCES "records"("id") ON DELETE CASCADE ON UPDATE CASCADE;
