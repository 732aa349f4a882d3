// A review whose verdicts a lead reopened and overrode travels whole in a bundle: the changes, the superseded
// decisions and the override an outcome points at come back under new ids, pointing at each other as before.
import { createReadStream, createWriteStream, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { finished } from "node:stream/promises";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { restoreBundle } from "../export/bundle/restore-bundle";
import { writeBundle } from "../export/bundle/write-bundle";
import { localStorage } from "../storage/local-storage";
import { reopenTeam, TA } from "./reopen.fixture";

const dir = mkdtempSync(path.join(tmpdir(), "sift-reopen-bundle-"));
const storage = localStorage(path.join(dir, "files"));
let pool: pg.Pool;
beforeAll(() => {
  pool = new pg.Pool({ connectionString: inject("databaseUrl"), max: 2 });
});
afterAll(() => pool.end());

describe("reopened and overridden verdicts in a bundle", () => {
  it("restore keeps each change, its superseded decisions and the override in force", async () => {
    const t = await reopenTeam(2);
    const { reviewId, ids, lead, db } = t;
    const [r0, r1] = ids as [string, string];
    await t.both(TA, r0, ["exclude", "exclude"]);
    await t.both(TA, r1, ["exclude", "exclude"]);
    await lead.screening.reopen({ reviewId, stage: TA, recordId: r0, note: "Screen again" });
    await lead.screening.override({ reviewId, stage: TA, recordId: r1, verdict: "include", note: "Meets criteria" });

    // Restore needs an owner who can sign in here.
    await db.user.update({ where: { id: t.users.owner.id }, data: { passwordHash: "$argon2id$stand-in" } });
    const file = path.join(dir, "reopen.sift.gz");
    const client = await pool.connect();
    try {
      const out = createWriteStream(file);
      await writeBundle(client, storage, reviewId, out);
      await finished(out);
      const restored = await restoreBundle(client, storage, () => createReadStream(file), {
        actorId: t.users.owner.id,
      });
      const copy = restored.reviewId;
      const records = await db.record.findMany({ where: { reviewId: copy }, orderBy: { title: "asc" } });
      const byTitle = (title: string) => records.find((r) => r.title === title)!.id;
      const [t0, t1] = [
        (await db.record.findUniqueOrThrow({ where: { id: r0 } })).title,
        (await db.record.findUniqueOrThrow({ where: { id: r1 } })).title,
      ];
      const reopening = await db.outcomeChange.findFirstOrThrow({ where: { reviewId: copy, kind: "reopen" } });
      expect(reopening).toMatchObject({ recordId: byTitle(t0), fromStatus: "excluded", note: "Screen again" });
      expect(await db.supersededDecision.count({ where: { changeId: reopening.id, recordId: byTitle(t0) } })).toBe(2);
      const override = await db.outcomeChange.findFirstOrThrow({ where: { reviewId: copy, kind: "override" } });
      expect(
        await db.screeningOutcome.findUniqueOrThrow({
          where: { recordId_stage: { recordId: byTitle(t1), stage: TA } },
        }),
      ).toMatchObject({ status: "included", overrideId: override.id });
    } finally {
      client.release();
    }
  });
});
