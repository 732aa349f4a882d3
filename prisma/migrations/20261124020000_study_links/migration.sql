-- CreateTable
CREATE TABLE "study_links" (
    "id" TEXT NOT NULL,
    "review_id" TEXT NOT NULL,
    "record_a_id" TEXT NOT NULL,
    "record_b_id" TEXT NOT NULL,
    "nct_id" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "study_links_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "study_links_review_id_nct_id_idx" ON "study_links"("review_id", "nct_id");

-- CreateIndex
CREATE INDEX "study_links_record_b_id_idx" ON "study_links"("record_b_id");

-- CreateIndex
CREATE UNIQUE INDEX "study_links_record_a_id_record_b_id_nct_id_key" ON "study_links"("record_a_id", "record_b_id", "nct_id");

-- AddForeignKey
ALTER TABLE "study_links" ADD CONSTRAINT "study_links_review_id_fkey" FOREIGN KEY ("review_id") REFERENCES "reviews"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "study_links" ADD CONSTRAINT "study_links_record_a_id_fkey" FOREIGN KEY ("record_a_id") REFERENCES "records"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "study_links" ADD CONSTRAINT "study_links_record_b_id_fkey" FOREIGN KEY ("record_b_id") REFERENCES "records"("id") ON DELETE CASCADE ON UPDATE CASCADE;
