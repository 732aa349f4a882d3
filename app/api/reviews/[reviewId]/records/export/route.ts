import { reviewRoute } from "@/server/api/review-route";
import { exportRecordSelection } from "@/server/api/routes/records-export";

export const dynamic = "force-dynamic";

// An export changes nothing, so an archived review is exported too.
export const POST = reviewRoute("lead", exportRecordSelection, { whileArchived: true });
