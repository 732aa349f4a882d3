// The floor under every request: a tRPC procedure that does nothing, and the health check (one SELECT 1),
// against one production server. Sequential requests show per-request latency; ten at a time show how the
// single Node process copes with concurrent callers.

import { startServer, withTempHome } from "./lib/server";
import { type LatencySummary, printResult, summarize } from "./lib/stats";

const REQUESTS = 2000;
const WARM_UP = 200;
const CONCURRENCY = 10;

async function timedGet(url: string): Promise<number> {
  const t0 = performance.now();
  const res = await fetch(url);
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
  return performance.now() - t0;
}

/** `concurrency` callers each send their next request as soon as the previous one is answered. */
async function load(url: string, requests: number, concurrency: number): Promise<LatencySummary> {
  const samples: number[] = [];
  let sent = 0;
  const caller = async () => {
    while (sent < requests) {
      sent++;
      samples.push(await timedGet(url));
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: concurrency }, caller));
  return summarize(samples, performance.now() - t0);
}

function report(label: string, s: LatencySummary): void {
  console.log(
    `${label.padEnd(34)} p50 ${s.p50Ms.toFixed(2)} ms  p95 ${s.p95Ms.toFixed(2)} ms  p99 ${s.p99Ms.toFixed(2)} ms  ${s.requestsPerSecond} req/s`,
  );
}

await withTempHome(async (home) => {
  const server = await startServer(home);
  try {
    const ping = `${server.url}/api/trpc/health.ping`;
    const health = `${server.url}/api/health`;
    const body = await (await fetch(ping)).text();
    if (body !== '{"result":{"data":{"json":{"ok":true}}}}') throw new Error(`unexpected health.ping answer: ${body}`);
    await load(ping, WARM_UP, 1);
    await load(health, WARM_UP, 1);

    const pingSequential = await load(ping, REQUESTS, 1);
    report(`health.ping, ${REQUESTS} sequential`, pingSequential);
    const healthSequential = await load(health, REQUESTS, 1);
    report(`/api/health, ${REQUESTS} sequential`, healthSequential);
    const pingConcurrent = await load(ping, REQUESTS, CONCURRENCY);
    report(`health.ping, ${REQUESTS} at ${CONCURRENCY} at a time`, pingConcurrent);

    printResult("noop-latency", { pingSequential, healthSequential, pingConcurrent, concurrency: CONCURRENCY });
  } finally {
    await server.stop();
  }
});
