import { reviewRoute } from "@/server/api/review-route";
import { exportAppraisals } from "@/server/api/routes/appraisal-export";

export const dynamic = "force-dynamic";

export const GET = reviewRoute("observer", exportAppraisals);
