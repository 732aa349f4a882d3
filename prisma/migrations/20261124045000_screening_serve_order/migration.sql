-- CreateIndex
CREATE INDEX "records_review_id_id_idx" ON "records"("review_id", "id");
