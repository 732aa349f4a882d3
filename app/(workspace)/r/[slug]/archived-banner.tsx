import { InfoAlert } from "@/app/_components/alerts";
import { formatDate } from "@/app/_lib/format";
import { RestoreReviewButton } from "./restore-review-button";

interface Props {
  reviewId: string;
  archivedAt: Date;
  isOwner: boolean;
}

/**
 * On every page of an archived review, once: why no screen offers a change, and for owners the way back. The
 * screens themselves hide or disable their controls through mayChange / useMayChange.
 */
export function ArchivedBanner({ reviewId, archivedAt, isOwner }: Props) {
  return (
    <InfoAlert className="archived-banner">
      <p>
        <strong>Archived {formatDate(archivedAt)}: read-only.</strong> This review is archived —{" "}
        {isOwner ? "restore it" : "an owner can restore it"} to make changes. Everything can still be read and exported.
      </p>
      {isOwner && <RestoreReviewButton reviewId={reviewId} />}
    </InfoAlert>
  );
}
