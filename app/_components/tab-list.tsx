"use client";
import { type KeyboardEvent, useRef } from "react";
import { formatCount } from "@/app/_lib/format";

interface Props<T extends string> {
  label: string;
  tabs: readonly T[];
  labels: Record<T, string>;
  /** A count shown beside each tab's name; null while it is not known. */
  counts: Record<T, number | null>;
  selected: T;
  onSelect: (tab: T) => void;
}

/**
 * The tabs pattern of ARIA: arrows, Home and End move between tabs, and only the selected tab is in the Tab
 * order. Each tab controls the element with id `panel-<tab>`, which the caller renders with role="tabpanel".
 */
export function TabList<T extends string>({ label, tabs, labels, counts, selected, onSelect }: Props<T>) {
  const refs = useRef(new Map<T, HTMLButtonElement>());

  function onKey(event: KeyboardEvent<HTMLDivElement>) {
    const at = tabs.indexOf(selected);
    const to =
      event.key === "ArrowRight"
        ? (at + 1) % tabs.length
        : event.key === "ArrowLeft"
          ? (at + tabs.length - 1) % tabs.length
          : event.key === "Home"
            ? 0
            : event.key === "End"
              ? tabs.length - 1
              : null;
    if (to === null) return;
    event.preventDefault();
    const next = tabs[to]!;
    onSelect(next);
    refs.current.get(next)?.focus();
  }

  return (
    <div className="tabs" role="tablist" aria-label={label} onKeyDown={onKey}>
      {tabs.map((t) => (
        <button
          key={t}
          ref={(el) => {
            if (el) refs.current.set(t, el);
            else refs.current.delete(t);
          }}
          type="button"
          role="tab"
          id={`tab-${t}`}
          aria-selected={selected === t}
          aria-controls={`panel-${t}`}
          tabIndex={selected === t ? 0 : -1}
          onClick={() => onSelect(t)}
        >
          {labels[t]}
          {counts[t] !== null && <span className="tab-count">{formatCount(counts[t])}</span>}
        </button>
      ))}
    </div>
  );
}
