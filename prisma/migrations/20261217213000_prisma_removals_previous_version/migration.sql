-- Records a lead removes before screening for a reason other than duplication (PRISMA 2020 "Records removed
-- for other reasons"), and the previous version of an updated review (the statement's updated-review figure).

-- CreateEnum
CREATE TYPE "removal_reason" AS ENUM ('retracted', 'outside_date_range', 'language', 'other');

-- CreateTable
CREATE TABLE "record_removals" (
    "record_id" TEXT NOT NULL,
    "review_id" TEXT NOT NULL,
    "reason" "removal_reason" NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "removed_by_id" TEXT NOT NULL,
    "removed_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "record_removals_pkey" PRIMARY KEY ("record_id")
);

-- CreateTable
CREATE TABLE "previous_review_versions" (
    "review_id" TEXT NOT NULL,
    "studies" INTEGER NOT NULL,
    "reports" INTEGER NOT NULL,
    "bundle_title" TEXT,
    "updated_by_id" TEXT NOT NULL,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "previous_review_versions_pkey" PRIMARY KEY ("review_id")
);

-- CreateIndex
CREATE INDEX "record_removals_review_id_idx" ON "record_removals"("review_id");

-- CreateIndex
CREATE INDEX "record_removals_removed_by_id_idx" ON "record_removals"("removed_by_id");

-- CreateIndex
CREATE INDEX "previous_review_versions_updated_by_id_idx" ON "previous_review_versions"("updated_by_id");

-- AddForeignKey
ALTER TABLE "record_removals" ADD CONSTRAINT "record_removals_record_id_fkey" FOREIGN KEY ("record_id") REFERENCES "records"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "record_removals" ADD CONSTRAINT "record_removals_review_id_fkey" FOREIGN KEY ("review_id") REFERENCES "reviews"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "record_removals" ADD CONSTRAINT "record_removals_removed_by_id_fkey" FOREIGN KEY ("removed_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "previous_review_versions" ADD CONSTRAINT "previous_review_versions_review_id_fkey" FOREIGN KEY ("review_id") REFERENCES "reviews"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "previous_review_versions" ADD CONSTRAINT "previous_review_versions_updated_by_id_fkey" FOREIGN KEY ("updated_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
