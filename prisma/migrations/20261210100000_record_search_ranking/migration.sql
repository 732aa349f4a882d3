-- The record browser at 100,000 records (npm run bench:records), after 20261210090000_record_search.
--
-- Rows move their long values (raw fields, abstract, search vector) out of line from 1 KB rather than 2 KB, so a
-- row in the table itself is its short fields only: counting, filtering and sorting a review reads about half the
-- pages it did (the abstract and raw fields were compressed in line; every scan of records carried them).
ALTER TABLE "records" SET (toast_tuple_target = 1024);

-- AddColumn: the title and keywords alone, for ranking searches by relevance. The whole search vector (2 KB on
-- average) lives out of line, and fetching it for each of 50,000 matches of a common word cost 400 ms; this one is
-- small and kept in the row (STORAGE MAIN). Adding it rewrites the table, which moves existing rows' long values
-- out of line under the new target. Like search_vector, schema.prisma names it as Unsupported.
ALTER TABLE "records" ADD COLUMN "title_vector" tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('sift_search'::regconfig, "title"), 'A')
 || setweight(to_tsvector('sift_search'::regconfig, "sift_joined_words"("keywords")), 'B')
) STORED;
ALTER TABLE "records" ALTER COLUMN "title_vector" SET STORAGE MAIN;

-- CreateIndex (on an expression, so not in schema.prisma; the drift test's catalog leaves it out): the browser
-- sorted by title reads its first page from here instead of sorting every title of the review. The first 200
-- characters, lower-cased, since a B-tree entry has a size limit that a title pasted with its abstract could pass.
CREATE INDEX "records_review_id_title_sort_idx" ON "records" ("review_id", left(lower("title"), 200));
