-- A record's removal before screening gets an id of its own, as every row that hangs on a record has, so that
-- withdrawing the record's import can archive it with the record and restore it.
ALTER TABLE "record_removals" ADD COLUMN "id" TEXT;
UPDATE "record_removals" SET "id" = "record_id";
ALTER TABLE "record_removals" ALTER COLUMN "id" SET NOT NULL;
ALTER TABLE "record_removals" DROP CONSTRAINT "record_removals_pkey";
ALTER TABLE "record_removals" ADD CONSTRAINT "record_removals_pkey" PRIMARY KEY ("id");

-- CreateIndex
CREATE UNIQUE INDEX "record_removals_record_id_key" ON "record_removals"("record_id");
