// `sift start` (what `npm start` runs): build when needed, open the database, migrate, seed the demo, serve.
import http from "node:http";
import next from "next";
import { SOCKET_ADDRESS_HEADER } from "../auth/client-address";
import { projectRoot } from "../config/paths";
import { publicUrlConfigError } from "../config/public-url";
import { sessionSecret } from "../config/secret";
import { createDb } from "../db/client";
import { openDatabase, runningApp, writeAppLock } from "../db/database";
import { portInUse } from "../db/free-port";
import { migrate } from "../db/migrate";
import { demoAccountsText, ensureDemoReview } from "../demo/seed-demo";
import { stopJobQueue } from "../jobs/queue";
import { buildIsStale, runBuild } from "./build";
import { CliError } from "./cli-error";
import { demoWanted } from "./demo-choice";
import { superviseWorker } from "./worker-process";

export interface StartOptions {
  port: number;
  host: string;
  dev: boolean;
  /** --demo / --no-demo; undefined when neither was given (see demoWanted). */
  demo: boolean | undefined;
}

export async function start(options: StartOptions): Promise<void> {
  const t0 = Date.now();
  const configError = publicUrlConfigError();
  if (configError) throw new CliError(configError);
  const demo = demoWanted(options.demo);
  if (await portInUse(options.port)) {
    throw new CliError(
      `port ${options.port} is already in use; stop what is using it or run \`npm start -- --port ${options.port + 1}\``,
    );
  }
  const other = !process.env.DATABASE_URL && runningApp();
  if (other) throw new CliError(`Sift is already running with this data folder (pid ${other.pid}); stop it first`);

  // The database first: an unreachable one should fail in a second, not after a minute of building.
  const database = await openDatabase();
  const releaseLock = database.embedded ? writeAppLock(database.url) : () => {};
  let server: http.Server | undefined;
  let stopWorker: (() => Promise<void>) | undefined;
  const shutdown = async (code: number) => {
    server?.close();
    server?.closeAllConnections();
    await stopWorker?.().catch(() => {});
    await stopJobQueue().catch(() => {});
    await database.close().catch(() => {});
    releaseLock();
    process.exit(code);
  };
  process.once("SIGINT", () => void shutdown(0));
  process.once("SIGTERM", () => void shutdown(0));

  try {
    if (!options.dev && buildIsStale()) {
      console.log("sift: building the app (first start, or sources changed)…");
      await runBuild();
    }
    const applied = await migrate(database.url);
    if (applied.length) console.log(`sift: applied migrations ${applied.join(", ")}`);
    process.env.DATABASE_URL = database.url;
    process.env.NEXTAUTH_SECRET = sessionSecret();
    const url = process.env.SIFT_URL || `http://localhost:${options.port}`;
    process.env.NEXTAUTH_URL ||= url;

    if (demo) {
      const db = createDb(database.url);
      try {
        const created = await ensureDemoReview(db);
        console.log(
          `sift: demo review "Stem cell therapy for ALS" ${created ? "created" : "ready"}; demo accounts:\n${demoAccountsText()}`,
        );
      } finally {
        await db.$disconnect();
      }
    }

    stopWorker = superviseWorker(database.url);
    const app = next({ dev: options.dev, dir: projectRoot, hostname: options.host, port: options.port });
    await app.prepare();
    const handle = app.getRequestHandler();
    server = http.createServer((req, res) => {
      // The sign-in throttle's per-client budget needs an address the client cannot choose: the socket's,
      // replacing any header of that name the client sent.
      req.headers[SOCKET_ADDRESS_HEADER] = req.socket.remoteAddress ?? "";
      void handle(req, res);
    });
    await new Promise<void>((resolve, reject) => {
      server!.once("error", reject);
      server!.listen(options.port, options.host, resolve);
    });
    const where = database.embedded ? "embedded PostgreSQL" : "the database in DATABASE_URL";
    console.log(`sift: ready on ${url} (${where}) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  } catch (err) {
    await stopWorker?.().catch(() => {});
    await stopJobQueue().catch(() => {});
    await database.close().catch(() => {});
    releaseLock();
    throw err;
  }
}
