import Link from "next/link";

const VIEWS = [
  { path: "", label: "Retrieval" },
  { path: "/screen", label: "Screen full text" },
] as const;

/** The two halves of the full-text stage: getting each report's full text, then screening it. */
export function FullTextViews({ slug, current }: { slug: string; current: "" | "/screen" }) {
  return (
    <nav className="stage-switch" aria-label="Full-text views">
      {VIEWS.map((v) => (
        <Link
          key={v.path}
          href={`/r/${slug}/full-text${v.path}`}
          aria-current={v.path === current ? "page" : undefined}
        >
          {v.label}
        </Link>
      ))}
    </nav>
  );
}
