import "server-only";
import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { currentSession } from "../auth/session";
import { db } from "../db/client";
import { appUrlFrom } from "./app-url";
import { createCaller } from "./root";

/** For route handlers that serve files: the same procedures, access checks and errors as the tRPC API. */
export async function routeCaller(req: Request) {
  return createCaller({ db: db(), session: await currentSession(), appUrl: appUrlFrom(req.headers) });
}

/** A refused or failed call as a plain-text response with the user's message and the matching status. */
export function errorResponse(err: unknown): Response {
  if (err instanceof TRPCError) {
    const status = getHTTPStatusCodeFromError(err);
    const message = status >= 500 ? "Something went wrong on the server. Try again; if it persists, tell your administrator." : err.message;
    return new Response(message, { status, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
  throw err;
}

/** A download with a file name safe for the Content-Disposition header. */
export function download(body: BodyInit, contentType: string, fileName: string): Response {
  return new Response(body, {
    headers: {
      "content-type": contentType,
      "content-disposition": `attachment; filename="${fileName.replace(/[^\w.-]+/g, "-")}"`,
      "cache-control": "no-store",
    },
  });
}
