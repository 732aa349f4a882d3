"use client";
import { SUGGESTED_PLATFORMS } from "@/server/api/contract/import";

/** How one search was run, as PRISMA-S asks it to be reported: everything but the database, which is the source. */
export interface SearchDetails {
  platform: string;
  /** YYYY-MM-DD, or "" when not known. */
  searchedOn: string;
  searchString: string;
  limits: string;
}

/** Today in the user's own time zone, as a date input wants it. */
export function today(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}

interface Props {
  /** Makes the fields' ids unique on a page that shows several of these. */
  idPrefix: string;
  value: SearchDetails;
  onChange: (value: SearchDetails) => void;
}

/** The search-log fields of the upload form and of an import's editor. */
export function SearchFields({ idPrefix, value, onChange }: Props) {
  const id = (name: string) => `${idPrefix}-${name}`;
  const set = (change: Partial<SearchDetails>) => onChange({ ...value, ...change });
  return (
    <div className="search-fields">
      <div className="field">
        <label htmlFor={id("platform")}>Interface or platform</label>
        <input
          id={id("platform")}
          type="text"
          list={id("platforms")}
          maxLength={200}
          autoComplete="off"
          value={value.platform}
          onChange={(e) => set({ platform: e.target.value })}
          aria-describedby={id("platform-hint")}
        />
        <datalist id={id("platforms")}>
          {SUGGESTED_PLATFORMS.map((p) => (
            <option key={p} value={p} />
          ))}
        </datalist>
        <span id={id("platform-hint")} className="hint">
          Where the database was searched, e.g. Ovid or EBSCOhost.
        </span>
      </div>
      <div className="field">
        <label htmlFor={id("date")}>Date searched</label>
        <input
          id={id("date")}
          type="date"
          max={today()}
          value={value.searchedOn}
          onChange={(e) => set({ searchedOn: e.target.value })}
        />
      </div>
      <div className="field search-string-field">
        <label htmlFor={id("string")}>Search string</label>
        <textarea
          id={id("string")}
          rows={3}
          maxLength={100_000}
          spellCheck={false}
          value={value.searchString}
          onChange={(e) => set({ searchString: e.target.value })}
          aria-describedby={id("string-hint")}
        />
        <span id={id("string-hint")} className="hint">
          Paste the whole strategy as it was run, every line.
        </span>
      </div>
      <div className="field search-limits-field">
        <label htmlFor={id("limits")}>Limits and filters</label>
        <input
          id={id("limits")}
          type="text"
          maxLength={5000}
          value={value.limits}
          onChange={(e) => set({ limits: e.target.value })}
          aria-describedby={id("limits-hint")}
        />
        <span id={id("limits-hint")} className="hint">
          Dates, languages, study-design filters; leave empty if none were used.
        </span>
      </div>
    </div>
  );
}
