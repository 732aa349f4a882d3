import { reviewRoute } from "@/server/api/review-route";
import { downloadExport } from "@/server/api/routes/export-download";

export const dynamic = "force-dynamic";

export const GET = reviewRoute("observer", downloadExport);
