import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Page not found" };

// Rendered inside whatever shell the missing page sits under, so it brings no header of its own.
export default function NotFound() {
  return (
    <main id="main" className="page-narrow">
      <h1>Page not found</h1>
      <p>There is no page at this address. It may have moved, or the link may be mistyped.</p>
      <p>
        <Link href="/reviews">Go to your reviews</Link>
      </p>
    </main>
  );
}
