import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appUrlFrom } from "@/server/api/app-url";
import { appRouter } from "@/server/api/root";
import { currentUserId } from "@/server/auth/session";
import { db } from "@/server/db/client";

function handler(req: Request) {
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: async () => ({
      db: db(),
      userId: await currentUserId(),
      appUrl: appUrlFrom(req.headers),
    }),
    onError({ error, path }) {
      if (error.code === "INTERNAL_SERVER_ERROR") console.error(`tRPC ${path ?? "?"} failed:`, error.cause ?? error);
    },
  });
}

export { handler as GET, handler as POST };
