// One page of the record browser: the records that answer a search and filters, in the order asked for, with the
// total. The page is chosen first on records alone and only its rows are joined to their outcomes, so sorting
// 100,000 records by title costs a sort of titles, not of joined rows. Columns a blinded member may not see are
// not selected at all.
import type { Db } from "../db/client";
import { Prisma } from "../db/generated/client.ts";
import type { LabelColour, OutcomeStatus, RetrievalStatus, Verdict } from "../db/generated/enums.ts";
import { searchIndexPending } from "../record-search/search-index";
import type { MemberScope } from "../shared/actor";
import type { RecordListInput, RecordSort } from "./browse-input";
import { relevanceSql } from "./browse-sql";
import { type RemovalReason, removalReasonText } from "./removal-reasons";
import type { SearchQuery } from "./search-query";
import { countSelected, filteredRecords, readRecords, type Selected } from "./selected-records";
import type { RecordVisibility } from "./visibility";

export interface RecordListItem {
  id: string;
  title: string;
  authors: string[];
  authorCount: number;
  year: number | null;
  journal: string | null;
  doi: string | null;
  pmid: string | null;
  nctIds: string[];
  source: string;
  /** The record's team labels, by name. */
  labels: { id: string; name: string; colour: LabelColour }[];
  /** merged: merged into another record as its duplicate; pending: in a pair awaiting a decision. */
  duplicate: "merged" | "pending" | null;
  /** Why a lead removed it before screening ("Retracted", "Other: …"), or null. */
  removedBeforeScreening: string | null;
  myDecisions: { title_abstract: Verdict | null; full_text: Verdict | null };
  /** Null when the caller may not see the stage's outcomes; outcome null when the record has none yet. */
  titleAbstract: { outcome: OutcomeStatus | null; reason: string | null; retrieval: RetrievalStatus | null } | null;
  fullText: { outcome: OutcomeStatus | null; reason: string | null; study: string | null } | null;
}

interface Row {
  id: string;
  title: string;
  authors: string[];
  author_count: number;
  year: number | null;
  journal: string | null;
  doi: string | null;
  pmid: string | null;
  nct_ids: string[];
  source: string;
  labels: { id: string; name: string; colour: LabelColour }[];
  merged: boolean;
  pending: boolean;
  removal_reason: RemovalReason | null;
  removal_note: string | null;
  my_ta: Verdict | null;
  my_ft: Verdict | null;
  ta_status?: OutcomeStatus | null;
  ta_reason?: string | null;
  retrieval?: RetrievalStatus | null;
  ft_status?: OutcomeStatus | null;
  ft_reason?: string | null;
  study?: string | null;
}

function sortKey(sort: RecordSort, query: SearchQuery, fuzzy: boolean): { key: Prisma.Sql; nulls: Prisma.Sql } {
  if (sort === "relevance" && query.kind === "words")
    return {
      key: fuzzy ? Prisma.sql`word_similarity(${query.text}, r.title)` : relevanceSql("r", query.tsquery),
      nulls: Prisma.empty,
    };
  // The expression of records_review_id_title_sort_idx, so the first page of titles is read from the index.
  if (sort === "title") return { key: Prisma.sql`left(lower(r.title), 200)`, nulls: Prisma.empty };
  if (sort === "year") return { key: Prisma.sql`r.year`, nulls: Prisma.sql` NULLS LAST` };
  return { key: Prisma.sql`r.id`, nulls: Prisma.empty };
}

/** The columns of the page's rows the caller may see, with the joins they need. */
function detailColumns(visibility: RecordVisibility): { columns: Prisma.Sql; joins: Prisma.Sql } {
  const columns: Prisma.Sql[] = [];
  const joins: Prisma.Sql[] = [];
  if (visibility.titleAbstract) {
    columns.push(Prisma.sql`ta.status AS ta_status, tar.label AS ta_reason, rep.retrieval_status AS retrieval`);
    joins.push(Prisma.sql`LEFT JOIN screening_outcomes ta ON ta.record_id = r.id AND ta.stage = 'title_abstract'
      LEFT JOIN exclusion_reasons tar ON tar.id = ta.reason_id
      LEFT JOIN reports rep ON rep.record_id = r.id`);
  }
  if (visibility.fullText) {
    columns.push(Prisma.sql`ft.status AS ft_status, ftr.label AS ft_reason, st.label AS study`);
    joins.push(Prisma.sql`LEFT JOIN screening_outcomes ft ON ft.record_id = r.id AND ft.stage = 'full_text'
      LEFT JOIN exclusion_reasons ftr ON ftr.id = ft.reason_id
      LEFT JOIN studies st ON st.id = rep.study_id`);
  }
  return {
    columns: columns.length ? Prisma.sql`, ${Prisma.join(columns, ", ")}` : Prisma.empty,
    joins: joins.length ? Prisma.join(joins, " ") : Prisma.empty,
  };
}

function item(row: Row, visibility: RecordVisibility): RecordListItem {
  return {
    id: row.id,
    title: row.title,
    authors: row.authors,
    authorCount: row.author_count,
    year: row.year,
    journal: row.journal,
    doi: row.doi,
    pmid: row.pmid,
    nctIds: row.nct_ids,
    source: row.source,
    labels: row.labels,
    duplicate: row.merged ? "merged" : row.pending ? "pending" : null,
    removedBeforeScreening: row.removal_reason ? removalReasonText(row.removal_reason, row.removal_note ?? "") : null,
    myDecisions: { title_abstract: row.my_ta, full_text: row.my_ft },
    titleAbstract: visibility.titleAbstract
      ? { outcome: row.ta_status ?? null, reason: row.ta_reason ?? null, retrieval: row.retrieval ?? null }
      : null,
    fullText: visibility.fullText
      ? { outcome: row.ft_status ?? null, reason: row.ft_reason ?? null, study: row.study ?? null }
      : null,
  };
}

async function page(
  db: Db,
  member: MemberScope,
  input: RecordListInput,
  visibility: RecordVisibility,
  { from, where }: Selected,
  order: { key: Prisma.Sql; nulls: Prisma.Sql },
) {
  const direction = input.descending ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  // Relevance is best first whatever the direction asked for; ties keep import order.
  const keyDirection = input.sort === "relevance" ? Prisma.sql`DESC` : direction;
  const { columns, joins } = detailColumns(visibility);
  return readRecords<Row>(
    db,
    Prisma.sql`
    WITH chosen AS MATERIALIZED (
      SELECT r.id, ${order.key} AS sort_key FROM ${from}
       WHERE ${where}
       ORDER BY sort_key ${keyDirection}${order.nulls}, r.id ${direction}
       LIMIT ${input.limit} OFFSET ${input.offset})
    SELECT r.id, r.title, COALESCE((r.authors)[1:3], '{}') AS authors,
           COALESCE(cardinality(r.authors), 0) AS author_count, r.year, r.journal, r.doi, r.pmid,
           COALESCE(r.nct_ids, '{}') AS nct_ids, src.name AS source, r.duplicate_of_id IS NOT NULL AS merged,
           COALESCE((SELECT jsonb_agg(jsonb_build_object('id', lb.id, 'name', lb.name, 'colour', lb.colour) ORDER BY lower(lb.name), lb.id)
                       FROM record_labels rl JOIN labels lb ON lb.id = rl.label_id WHERE rl.record_id = r.id), '[]') AS labels,
           EXISTS (SELECT 1 FROM duplicate_pairs p WHERE p.status = 'pending' AND (p.record_a_id = r.id OR p.record_b_id = r.id)) AS pending,
           rm.reason::text AS removal_reason, rm.note AS removal_note,
           (SELECT d.verdict FROM screening_decisions d WHERE d.record_id = r.id AND d.stage = 'title_abstract' AND d.reviewer_id = ${member.actorId}) AS my_ta,
           (SELECT d.verdict FROM screening_decisions d WHERE d.record_id = r.id AND d.stage = 'full_text' AND d.reviewer_id = ${member.actorId}) AS my_ft
           ${columns}
      FROM chosen c
      JOIN records r ON r.id = c.id
      JOIN sources src ON src.id = r.source_id
      LEFT JOIN record_removals rm ON rm.record_id = r.id
      ${joins}
     ORDER BY c.sort_key ${keyDirection}${order.nulls}, r.id ${direction}`,
  );
}

export async function listRecords(db: Db, member: MemberScope, input: RecordListInput) {
  const { visibility, query, selectionFor } = await filteredRecords(db, member, input);
  const run = (fuzzy: boolean) =>
    Promise.all([
      countSelected(db, selectionFor(fuzzy)),
      page(db, member, input, visibility, selectionFor(fuzzy), sortKey(input.sort, query, fuzzy)),
    ]);
  let fuzzy = false;
  let [total, rows] = await run(false);
  // No record has every word: titles that look like what was typed (a misspelling, a title remembered in part).
  if (total === 0 && query.kind === "words" && query.plain) {
    fuzzy = true;
    [total, rows] = await run(true);
  }
  return {
    total,
    offset: input.offset,
    limit: input.limit,
    search: query.kind,
    fuzzy,
    /** Records a search of words cannot find yet, their import's indexing job not having run. */
    searchPending: query.kind === "words" ? await searchIndexPending(db, member.reviewId) : 0,
    visibility,
    items: rows.map((row) => item(row, visibility)),
  };
}

export type RecordListPage = Awaited<ReturnType<typeof listRecords>>;
