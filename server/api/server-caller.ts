import "server-only";
import { headers } from "next/headers";
import { db } from "../db/client";
import { appUrlFrom } from "./app-url";
import { currentSession } from "./request-session";
import { createCaller } from "./root";

/** The tRPC caller for Server Components: the same procedures, checks and errors as over HTTP. */
export async function serverCaller() {
  // Request data first: it marks the page dynamic before anything touches the database, even at build time.
  const requestHeaders = await headers();
  return createCaller({ db: db(), session: await currentSession(), appUrl: appUrlFrom(requestHeaders) });
}
