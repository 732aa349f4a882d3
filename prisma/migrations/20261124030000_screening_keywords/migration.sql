-- Prisma Migrate creates scalar-list columns without NOT NULL; the first migration had added it by hand.
-- AlterTable
ALTER TABLE "records" ALTER COLUMN "authors" DROP NOT NULL,
ALTER COLUMN "nct_ids" DROP NOT NULL,
ALTER COLUMN "keywords" DROP NOT NULL;

-- AlterTable
ALTER TABLE "reviews" ADD COLUMN     "exclude_keywords" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "include_keywords" TEXT[] DEFAULT ARRAY[]::TEXT[];
