import { healthCheck } from "@/server/api/routes/health";

export const dynamic = "force-dynamic";

export const GET = healthCheck;
