import Link from "next/link";

/** The same words for a review that does not exist and one the visitor may not see, so neither is revealed. */
export function NoAccess() {
  return (
    <main id="main" className="page">
      <div className="card">
        <h1>No access to this review</h1>
        <p>You are not a member of this review, or it does not exist. Ask its owner for an invitation.</p>
        <p>
          <Link href="/reviews">Back to your reviews</Link>
        </p>
      </div>
    </main>
  );
}
