import { db } from "@/server/db/client";

export const dynamic = "force-dynamic";

/** For load balancers and container health checks: 200 when this instance can reach the database. */
export async function GET() {
  try {
    await db().$queryRaw`SELECT 1`;
    return Response.json({ ok: true });
  } catch {
    return Response.json({ ok: false, error: "database unreachable" }, { status: 503 });
  }
}
