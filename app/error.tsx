"use client";
import Link from "next/link";
import { useEffect } from "react";
import { ErrorAlert } from "@/app/_components/alerts";

/** Shows a plain apology and never the error itself: details stay in the server log, found by the digest. */
export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = error instanceof Error ? (error as Error & { digest?: string }).digest : undefined;
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <main id="main" className="page-narrow">
      <Link className="brand-plain" href="/">
        Sift
      </Link>
      <h1>Something went wrong</h1>
      <ErrorAlert>
        <p>Sift could not show this page. Try again; if it keeps happening, tell your administrator.</p>
        {digest && <p className="small">Reference: {digest}</p>}
      </ErrorAlert>
      <div className="form-actions">
        <button type="button" className="btn btn-primary" onClick={retry}>
          Try again
        </button>
        <Link className="btn btn-secondary" href="/reviews">
          Your reviews
        </Link>
      </div>
    </main>
  );
}
