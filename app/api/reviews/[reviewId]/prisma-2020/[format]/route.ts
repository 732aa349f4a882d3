import { reviewRoute } from "@/server/api/review-route";
import { downloadDiagram } from "@/server/api/routes/prisma-2020-diagram";

export const dynamic = "force-dynamic";

export const GET = reviewRoute("observer", downloadDiagram);
