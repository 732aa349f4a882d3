import { reviewRoute } from "@/server/api/review-route";
import { exportRecordSelection } from "@/server/api/routes/records-export";

export const dynamic = "force-dynamic";

export const POST = reviewRoute("lead", exportRecordSelection);
