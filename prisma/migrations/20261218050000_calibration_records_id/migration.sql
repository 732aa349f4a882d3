-- A calibration round's records get their own id, as every row hanging off a record has, so that withdrawing the
-- import a round's record came from can archive its place in the round with the record.
ALTER TABLE "calibration_records" DROP CONSTRAINT "calibration_records_pkey";
ALTER TABLE "calibration_records" ADD COLUMN "id" TEXT;
UPDATE "calibration_records" SET "id" = gen_random_uuid()::text;
ALTER TABLE "calibration_records" ALTER COLUMN "id" SET NOT NULL;
ALTER TABLE "calibration_records" ADD CONSTRAINT "calibration_records_pkey" PRIMARY KEY ("id");
CREATE UNIQUE INDEX "calibration_records_round_id_record_id_key" ON "calibration_records"("round_id", "record_id");
