// Which jobs this process is running, told to PostgreSQL as advisory locks held on a connection of the worker's
// own. When the process dies, however it dies, PostgreSQL ends its session and the locks go with it, so any
// worker can tell at once that a job pg-boss still calls active has nobody running it (see recovery.ts). pg-boss
// 10 has no heartbeat; its only guard is the expiry, which has to outlast the longest import (an hour).
import pg from "pg";
import { guardClient } from "../db/pg-pool";

/** First key of every job's lock: the two-key form never meets the one-key locks taken elsewhere. */
export const JOB_LOCK_SPACE = 0x51f7_0001;
/** The second key of a job's lock, from its id as text in SQL. */
export const jobLockKey = (idText: string) => `hashtext(${idText})`;

const RECONNECT_AFTER_MS = 1_000;

export class JobLeases {
  /** The jobs running here. */
  private readonly held = new Set<string>();
  /** The locks taken on the current session; a new session starts with none. */
  private locked = new Set<string>();
  private client: pg.Client | null = null;
  private connecting: Promise<pg.Client | null> | null = null;
  private retry: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(private readonly databaseUrl: string) {}

  /** Marks these jobs as running here; never throws (a lost session takes the locks again when it is back). */
  async hold(ids: string[]): Promise<void> {
    for (const id of ids) this.held.add(id);
    await this.sync();
  }

  async release(ids: string[]): Promise<void> {
    for (const id of ids) this.held.delete(id);
    await this.sync();
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    const client = (await this.connecting?.catch(() => null)) ?? this.client;
    this.client = null;
    await client?.end().catch(() => {});
  }

  /**
   * Brings the session's locks in line with the jobs held. Session locks count (taking one twice needs two
   * unlocks), so each is taken once per session: the sets change before the statements go, and two calls at
   * once never send the same lock twice.
   */
  private async sync(): Promise<void> {
    if (this.closed) return;
    const client = await this.connection();
    if (!client || client !== this.client) return;
    const take = [...this.held].filter((id) => !this.locked.has(id));
    const drop = [...this.locked].filter((id) => !this.held.has(id));
    for (const id of take) this.locked.add(id);
    for (const id of drop) this.locked.delete(id);
    // A failure means the session ended, and its locks with it: the next session takes them again.
    if (take.length)
      await client
        .query(`SELECT pg_try_advisory_lock($1, ${jobLockKey("id")}) FROM unnest($2::text[]) id`, [
          JOB_LOCK_SPACE,
          take,
        ])
        .catch(() => {});
    if (drop.length)
      await client
        .query(`SELECT pg_advisory_unlock($1, ${jobLockKey("id")}) FROM unnest($2::text[]) id`, [JOB_LOCK_SPACE, drop])
        .catch(() => {});
  }

  private connection(): Promise<pg.Client | null> {
    if (this.client) return Promise.resolve(this.client);
    this.connecting ??= this.connect().finally(() => (this.connecting = null));
    return this.connecting;
  }

  private async connect(): Promise<pg.Client | null> {
    const client = guardClient(
      new pg.Client({ connectionString: this.databaseUrl, keepAlive: true, application_name: "sift job leases" }),
      "job leases",
    );
    const lost = () => {
      if (this.client !== client) return;
      this.client = null;
      this.scheduleReconnect();
    };
    client.on("error", lost);
    client.on("end", lost);
    try {
      await client.connect();
      // PostgreSQL notices a vanished worker machine (no FIN, no RST) only by keepalives: within half a minute, not
      // after the two hours of the system's default.
      await client.query("SET tcp_keepalives_idle = 10; SET tcp_keepalives_interval = 5; SET tcp_keepalives_count = 3");
    } catch {
      await client.end().catch(() => {});
      this.scheduleReconnect();
      return null;
    }
    if (this.closed) {
      await client.end().catch(() => {});
      return null;
    }
    this.client = client;
    this.locked = new Set();
    void this.sync();
    return client;
  }

  /** While jobs are running here, their locks are taken again as soon as the database is back. */
  private scheduleReconnect(): void {
    if (this.closed || this.retry || this.held.size === 0) return;
    this.retry = setTimeout(() => {
      this.retry = null;
      void this.connection();
    }, RECONNECT_AFTER_MS);
  }
}
