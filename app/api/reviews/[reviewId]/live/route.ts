import { reviewRoute } from "@/server/api/review-route";
import { liveEvents } from "@/server/api/routes/live-events";

export const dynamic = "force-dynamic";

export const GET = reviewRoute("observer", liveEvents);
