"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { ErrorAlert } from "@/app/_components/alerts";
import { DataTable } from "@/app/_components/data-table";
import { offsetPaging, Pager } from "@/app/_components/pager";
import { useTRPC } from "@/app/_components/trpc";
import { formatCount } from "@/app/_lib/format";
import type { OpenList } from "./flow-types";

const PAGE = 50;

/** The records or reports a box counts, a page at a time; Escape closes it and focus returns to the box. */
export function FlowItemsPanel({ reviewId, list, onClose }: { reviewId: string; list: OpenList; onClose: () => void }) {
  const trpc = useTRPC();
  const [offset, setOffset] = useState(0);
  const heading = useRef<HTMLHeadingElement>(null);
  const query = useQuery({
    ...trpc.prisma2020Flow.items.queryOptions({ reviewId, list: list.key, offset, limit: PAGE }),
    placeholderData: keepPreviousData,
  });

  useEffect(() => {
    setOffset(0);
    heading.current?.focus();
    heading.current?.scrollIntoView({ block: "nearest" });
  }, [list.key]);

  const data = query.data;
  const unit = data?.unit ?? "records";
  return (
    <section
      className="card prisma-items"
      aria-labelledby="prisma-items-title"
      onKeyDown={(e) => {
        if (e.key === "Escape") onClose();
      }}
    >
      <div className="prisma-items-head">
        <h2 id="prisma-items-title" ref={heading} tabIndex={-1}>
          {list.title}
        </h2>
        <button type="button" className="btn btn-secondary btn-small" onClick={onClose}>
          Close
        </button>
      </div>
      <ErrorAlert>{query.error?.message}</ErrorAlert>
      {data && (
        <>
          <p className="muted small" role="status">
            {data.total === 0
              ? `No ${unit} in this box.`
              : `${formatCount(data.total)} ${unit}; showing ${formatCount(data.offset + 1)}–${formatCount(data.offset + data.items.length)}.`}
          </p>
          {data.items.length > 0 && (
            <DataTable
              scroll
              rows={data.items}
              rowKey={(item) => item.recordId}
              columns={[
                {
                  key: "item",
                  header: unit === "reports" ? "Report" : "Record",
                  cell: (item) => (
                    <>
                      {item.title || <span className="muted">(no title)</span>}
                      <span className="muted small prisma-item-meta">
                        {[item.authors.join(", "), item.year].filter(Boolean).join(" · ")}
                      </span>
                    </>
                  ),
                },
                { key: "source", header: "Source", cell: (item) => item.source },
                { key: "detail", header: "Where it stands", cell: (item) => item.detail },
              ]}
            />
          )}
          <Pager
            {...offsetPaging(offset, data.total, PAGE)}
            onPage={(page) => setOffset((page - 1) * PAGE)}
            label={`Pages of ${unit}`}
          />
        </>
      )}
      {!data && !query.error && <p className="muted small">Loading…</p>}
    </section>
  );
}
