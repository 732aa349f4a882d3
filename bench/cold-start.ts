// How long a user waits after `sift start` until the first page: on a first install (fresh SIFT_HOME, so the
// embedded PostgreSQL is initialised and every migration applied) and on a restart (same SIFT_HOME).

import { startServer, withTempHome } from "./lib/server";
import { median, printResult, seconds } from "./lib/stats";

const RUNS = 3;
const ATTEMPTS_PER_RUN = 3;

interface StartTimes {
  coldMs: number;
  warmMs: number;
}

async function timedStart(home: string): Promise<number | null> {
  const server = await startServer(home);
  await server.stop();
  return server.rebuilt ? null : server.startupMs;
}

/** A cold start needs an untouched SIFT_HOME, so a run spoiled by a rebuild starts over with a new one. */
async function measureRun(): Promise<StartTimes> {
  for (let attempt = 1; attempt <= ATTEMPTS_PER_RUN; attempt++) {
    const times = await withTempHome(async (home) => {
      const coldMs = await timedStart(home);
      const warmMs = coldMs === null ? null : await timedStart(home);
      return coldMs === null || warmMs === null ? null : { coldMs, warmMs };
    });
    if (times) return times;
    console.log("cold-start: the sources changed during the run (it included a rebuild); measuring it again");
  }
  throw new Error(`the sources kept changing for ${ATTEMPTS_PER_RUN} attempts; run the bench when nobody is editing`);
}

const runs: StartTimes[] = [];
for (let i = 1; i <= RUNS; i++) {
  const run = await measureRun();
  runs.push(run);
  console.log(`cold-start: run ${i}/${RUNS}: first start ${seconds(run.coldMs)}, restart ${seconds(run.warmMs)}`);
}

const coldMs = runs.map((r) => Math.round(r.coldMs));
const warmMs = runs.map((r) => Math.round(r.warmMs));
console.log(`first start (fresh SIFT_HOME: initdb, migrations, first page): median ${seconds(median(coldMs))}`);
console.log(`restart (same SIFT_HOME): median ${seconds(median(warmMs))}`);
printResult("cold-start", { runs: RUNS, coldMs, warmMs, coldMedianMs: median(coldMs), warmMedianMs: median(warmMs) });
