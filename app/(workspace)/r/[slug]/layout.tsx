import Link from "next/link";
import type { ReactNode } from "react";
import { NoAccess } from "@/app/_components/no-access";
import { reviewAccess } from "@/app/_lib/review-access";
import { ArchivedBanner } from "./archived-banner";
import { ReviewChangesProvider } from "./review-changes-context";
import { ReviewNav } from "./review-nav";

interface Props {
  children: ReactNode;
  params: Promise<{ slug: string }>;
}

export default async function ReviewLayout({ children, params }: Props) {
  const { slug } = await params;
  const access = await reviewAccess(slug);
  if (access.kind === "no-access") return <NoAccess />;
  // Signed out: the page redirects to sign-in, because only it knows the full path to come back to.
  if (access.kind === "signed-out") return children;
  const { review } = access;
  return (
    <div className="review-layout">
      <aside className="review-sidebar">
        <Link className="review-title" href={`/r/${review.slug}`}>
          {review.title}
        </Link>
        <ReviewNav slug={review.slug} role={review.myRole} />
      </aside>
      <main id="main" className="review-main">
        {review.archivedAt && (
          <ArchivedBanner reviewId={review.id} archivedAt={review.archivedAt} isOwner={review.myRole === "owner"} />
        )}
        <ReviewChangesProvider rights={{ myRole: review.myRole, archivedAt: review.archivedAt }}>
          {children}
        </ReviewChangesProvider>
      </main>
    </div>
  );
}
