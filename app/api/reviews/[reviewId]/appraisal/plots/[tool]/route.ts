import { reviewRoute } from "@/server/api/review-route";
import { appraisalPlot } from "@/server/api/routes/appraisal-plot";

export const dynamic = "force-dynamic";

export const GET = reviewRoute("observer", appraisalPlot);
