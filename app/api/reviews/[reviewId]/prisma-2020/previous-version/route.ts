import { reviewRoute } from "@/server/api/review-route";
import { uploadPreviousVersionBundle } from "@/server/api/routes/previous-version-upload";

export const dynamic = "force-dynamic";

export const POST = reviewRoute("lead", uploadPreviousVersionBundle);
