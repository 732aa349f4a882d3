-- Team labels (a review's own list, put on records, never on a decision) and team notes on records
-- (server/labels, server/notes).

-- CreateEnum
CREATE TYPE "label_colour" AS ENUM ('grey', 'blue', 'teal', 'green', 'amber', 'orange', 'red', 'pink', 'purple');

-- CreateTable
CREATE TABLE "labels" (
    "id" TEXT NOT NULL,
    "review_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "colour" "label_colour" NOT NULL,
    "shortcut" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "labels_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "record_labels" (
    "id" TEXT NOT NULL,
    "review_id" TEXT NOT NULL,
    "record_id" TEXT NOT NULL,
    "label_id" TEXT NOT NULL,
    "added_by_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "record_labels_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "record_notes" (
    "id" TEXT NOT NULL,
    "review_id" TEXT NOT NULL,
    "record_id" TEXT NOT NULL,
    "author_id" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "record_notes_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "labels_review_id_name_key" ON "labels"("review_id", "name");

-- CreateIndex
CREATE UNIQUE INDEX "labels_review_id_shortcut_key" ON "labels"("review_id", "shortcut");

-- CreateIndex
CREATE UNIQUE INDEX "record_labels_record_id_label_id_key" ON "record_labels"("record_id", "label_id");

-- CreateIndex
CREATE INDEX "record_labels_label_id_record_id_idx" ON "record_labels"("label_id", "record_id");

-- CreateIndex
CREATE INDEX "record_labels_review_id_idx" ON "record_labels"("review_id");

-- CreateIndex
CREATE INDEX "record_labels_added_by_id_idx" ON "record_labels"("added_by_id");

-- CreateIndex
CREATE INDEX "record_notes_record_id_created_at_idx" ON "record_notes"("record_id", "created_at");

-- CreateIndex
CREATE INDEX "record_notes_review_id_idx" ON "record_notes"("review_id");

-- CreateIndex
CREATE INDEX "record_notes_author_id_idx" ON "record_notes"("author_id");

-- AddForeignKey
ALTER TABLE "labels" ADD CONSTRAINT "labels_review_id_fkey" FOREIGN KEY ("review_id") REFERENCES "reviews"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "record_labels" ADD CONSTRAINT "record_labels_review_id_fkey" FOREIGN KEY ("review_id") REFERENCES "reviews"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "record_labels" ADD CONSTRAINT "record_labels_record_id_fkey" FOREIGN KEY ("record_id") REFERENCES "records"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "record_labels" ADD CONSTRAINT "record_labels_label_id_fkey" FOREIGN KEY ("label_id") REFERENCES "labels"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "record_labels" ADD CONSTRAINT "record_labels_added_by_id_fkey" FOREIGN KEY ("added_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "record_notes" ADD CONSTRAINT "record_notes_review_id_fkey" FOREIGN KEY ("review_id") REFERENCES "reviews"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "record_notes" ADD CONSTRAINT "record_notes_record_id_fkey" FOREIGN KEY ("record_id") REFERENCES "records"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "record_notes" ADD CONSTRAINT "record_notes_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
