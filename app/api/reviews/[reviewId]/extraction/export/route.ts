import { reviewRoute } from "@/server/api/review-route";
import { exportExtractions } from "@/server/api/routes/extraction-export";

export const dynamic = "force-dynamic";

export const GET = reviewRoute("observer", exportExtractions);
