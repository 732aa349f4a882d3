import { reviewRoute } from "@/server/api/review-route";
import { uploadImport } from "@/server/api/routes/import-upload";

export const dynamic = "force-dynamic";

export const POST = reviewRoute("lead", uploadImport);
