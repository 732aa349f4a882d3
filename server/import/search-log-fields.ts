// The fields of a search log entry (PRISMA-S), as the upload form and the editor fill them in and the server checks
// them: browser-safe, so a screen validates with the same rules.
import { z } from "zod";
import { SOURCE_KINDS } from "./sources";

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** What a lead may write in an import's search log; the same fields the upload form offers. */
export const SearchLogFields = z.object({
  /** The database: the import's source, which moves its records with it when changed. */
  source: z.object({
    name: z.string().trim().min(1, "Name the database or source searched (e.g. PubMed).").max(100),
    kind: z.enum(SOURCE_KINDS),
  }),
  platform: z.string().trim().max(200),
  /** The day searched as YYYY-MM-DD, or null when not known. */
  searchedOn: z
    .string()
    .regex(DAY, "Give the date searched as a day (YYYY-MM-DD).")
    .refine((d) => {
      const date = new Date(`${d}T00:00:00Z`);
      return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(d);
    }, "That date does not exist.")
    .nullable(),
  searchString: z.string().max(100_000),
  limits: z.string().trim().max(5000),
});
export type SearchLogFields = z.infer<typeof SearchLogFields>;

export const SearchLogInput = SearchLogFields.extend({ importId: z.string().max(64) });
export type SearchLogInput = z.infer<typeof SearchLogInput>;
