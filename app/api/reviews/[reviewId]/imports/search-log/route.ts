import { reviewRoute } from "@/server/api/review-route";
import { downloadSearchLog } from "@/server/api/routes/search-log-download";

export const dynamic = "force-dynamic";

export const GET = reviewRoute("observer", downloadSearchLog);
