import { db } from "../../db/client";

/** GET /api/health, for load balancers and container health checks: 200 when this instance can reach the database. */
export async function healthCheck(): Promise<Response> {
  try {
    await db().$queryRaw`SELECT 1`;
    return Response.json({ ok: true });
  } catch {
    return Response.json({ ok: false, error: "database unreachable" }, { status: 503 });
  }
}
