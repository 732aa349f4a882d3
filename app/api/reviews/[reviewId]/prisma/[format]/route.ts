import { reviewRoute } from "@/server/api/review-route";
import { downloadDiagram } from "@/server/api/routes/prisma-diagram";

export const dynamic = "force-dynamic";

export const GET = reviewRoute("observer", downloadDiagram);
