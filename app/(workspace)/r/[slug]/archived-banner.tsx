import Link from "next/link";
import { InfoAlert } from "@/app/_components/alerts";
import { formatDate } from "@/app/_lib/format";

/** On every page of an archived review: why nothing can be changed, and where an owner restores it. */
export function ArchivedBanner({ slug, archivedAt, isOwner }: { slug: string; archivedAt: Date; isOwner: boolean }) {
  return (
    <InfoAlert className="archived-banner">
      <p>
        <strong>Archived {formatDate(archivedAt)}: read-only.</strong> Everything can be read and exported; nothing can
        be changed.{" "}
        {isOwner ? (
          <Link href={`/r/${slug}/settings#review-archive`}>Restore it from the archive</Link>
        ) : (
          "An owner can restore it from the archive."
        )}
      </p>
    </InfoAlert>
  );
}
