"use client";
import { type KeyboardEvent, type MouseEvent, useRef, useState } from "react";
import { FlowIdentities } from "./flow-identities";
import { FlowItemsPanel } from "./flow-items-panel";
import { FlowStatus } from "./flow-status";
import type { FlowDiagram, ListKey, OpenList } from "./flow-types";

const DOWNLOADS = [
  { format: "svg", label: "SVG" },
  { format: "png", label: "PNG" },
  { format: "pdf", label: "PDF" },
  { format: "csv", label: "CSV (PRISMA2020 template)" },
] as const;

export function FlowScreen({ reviewId, slug, diagram }: { reviewId: string; slug: string; diagram: FlowDiagram }) {
  const [open, setOpen] = useState<OpenList | null>(null);
  const figure = useRef<HTMLDivElement>(null);

  function openFrom(target: EventTarget) {
    const box = (target as Element).closest<SVGGElement>("[data-list]");
    if (!box || !figure.current?.contains(box)) return false;
    const label = box.getAttribute("aria-label")?.replace(/\. Show what it counts\.$/, "") ?? "";
    setOpen({ key: box.dataset.list as ListKey, title: label, opener: box as unknown as HTMLElement });
    return true;
  }
  const onClick = (e: MouseEvent) => openFrom(e.target);
  const onKeyDown = (e: KeyboardEvent) => {
    if ((e.key === "Enter" || e.key === " ") && openFrom(e.target)) e.preventDefault();
  };
  const close = () => {
    open?.opener?.focus();
    setOpen(null);
  };

  return (
    <>
      <FlowStatus diagram={diagram} slug={slug} onShow={(key, title, opener) => setOpen({ key, title, opener })} />
      <div className="prisma-toolbar" aria-label="Download the diagram" role="group">
        <span className="muted small">Download:</span>
        {DOWNLOADS.map((d) => (
          <a
            key={d.format}
            className="btn btn-secondary btn-small"
            href={`/api/reviews/${reviewId}/prisma-2020/${d.format}`}
            download
          >
            {d.label}
          </a>
        ))}
      </div>
      {/* The SVG is Sift's own markup, rendered on the server from numbers only; its boxes are buttons. */}
      <div
        ref={figure}
        className="prisma-figure card"
        onClick={onClick}
        onKeyDown={onKeyDown}
        dangerouslySetInnerHTML={{ __html: diagram.svg }}
      />
      {open && <FlowItemsPanel reviewId={reviewId} list={open} onClose={close} />}
      <FlowIdentities checks={diagram.flow.checks} />
    </>
  );
}
