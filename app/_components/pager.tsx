"use client";
import { formatCount } from "@/app/_lib/format";

interface Props {
  /** 1-based. */
  page: number;
  pages: number;
  onPage: (page: number) => void;
  /** Names the navigation for assistive technology, e.g. "Pages of records". */
  label: string;
}

/** Previous / "Page n of m" / Next for any list read a page at a time; nothing when everything fits on one page. */
export function Pager({ page, pages, onPage, label }: Props) {
  if (pages <= 1) return null;
  return (
    <nav className="pager" aria-label={label}>
      <button
        type="button"
        className="btn btn-secondary btn-small"
        disabled={page <= 1}
        onClick={() => onPage(page - 1)}
      >
        ← Previous
      </button>
      <span>
        Page {formatCount(page)} of {formatCount(pages)}
      </span>
      <button
        type="button"
        className="btn btn-secondary btn-small"
        disabled={page >= pages}
        onClick={() => onPage(page + 1)}
      >
        Next →
      </button>
    </nav>
  );
}

/** The page an offset falls on and how many pages a total makes, for lists that page by offset. */
export function offsetPaging(offset: number, total: number, pageSize: number): { page: number; pages: number } {
  return { page: Math.floor(offset / pageSize) + 1, pages: Math.max(1, Math.ceil(total / pageSize)) };
}
