// The tRPC endpoint (app/api/trpc/[trpc]): every procedure of the router, with the request's session, unchecked
// (each procedure checks it as it reads the caller).
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import type { NextRequest } from "next/server";
import { requestSession } from "../auth/session";
import { db } from "../db/client";
import { appUrlFrom } from "./app-url";
import { appRouter } from "./root";

export function trpcHandler(req: NextRequest) {
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: async () => ({ db: db(), session: await requestSession(req), appUrl: appUrlFrom(req.headers) }),
    onError({ error, path }) {
      if (error.code === "INTERNAL_SERVER_ERROR") console.error(`tRPC ${path ?? "?"} failed:`, error.cause ?? error);
    },
  });
}
