import { Command, InvalidArgumentError } from "commander";
import { issueResetLinkForEmail } from "../auth/password-reset";
import { signUp } from "../auth/users";
import { DatabaseUnavailableError } from "../db/database";
import { MigrationError, migrate, migrationStatus } from "../db/migrate";
import { pgPool } from "../db/pg-pool";
import { demoAccountsText, resetDemoReview } from "../demo/seed-demo";
import { AppError } from "../errors/app-error";
import { listReviewsForUser, UNIQUE_RECORDS } from "../reviews/review-queries";
import { wireDomainEvents } from "../wiring/domain-events";
import { addAnalyseCommand } from "./analyse-command";
import { CliError } from "./cli-error";
import { checkDemoResetAllowed } from "./demo-choice";
import { exportBundle } from "./export-bundle-command";
import { addExportPrisma2020Command } from "./export-prisma-2020-command";
import { checkFormat, dryRun, importFiles } from "./import-command";
import { restoreFile } from "./restore-command";
import { start } from "./start";
import { withDb } from "./with-db";
import { runWorker } from "./worker-process";

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 65535)
    throw new InvalidArgumentError("a port is a whole number from 1 to 65535");
  return n;
}

function program(): Command {
  const cli = new Command("sift").description("Sift, the open systematic-review workbench").showHelpAfterError();

  cli
    .command("start")
    .description("serve Sift (building it first when needed) with its database")
    .option("-p, --port <port>", "port to listen on", port, Number(process.env.PORT ?? 3000))
    .option("--host <host>", "address to listen on", process.env.HOST ?? "0.0.0.0")
    .option("--dev", "serve with hot reload instead of the production build", false)
    // Both spellings defined, so commander leaves o.demo undefined when neither is given.
    .option("--demo", "create the demo review even in the database in DATABASE_URL (default: embedded database only)")
    .option("--no-demo", "do not create the demo review")
    .action((o) => start({ port: o.port, host: o.host, dev: o.dev, demo: o.demo }));

  cli
    .command("worker")
    .description("work queued jobs (imports, de-duplication); `sift start` runs one for itself")
    .action(() => {
      if (!process.env.DATABASE_URL) throw new CliError("the worker needs DATABASE_URL");
      return runWorker();
    });

  const db = cli.command("db").description("database maintenance");
  db.command("migrate")
    .description("apply pending migrations")
    .action(() =>
      withDb(
        async (_db, url) => {
          const applied = await migrate(url);
          console.log(applied.length ? `applied: ${applied.join(", ")}` : "the database is up to date");
        },
        { migrate: false },
      ),
    );
  db.command("status")
    .description("list applied and pending migrations")
    .action(() =>
      withDb(
        async (_db, url) => {
          const status = await migrationStatus(url);
          for (const name of status.applied) console.log(`applied  ${name}`);
          for (const name of status.pending) console.log(`pending  ${name}`);
          if (status.pending.length) process.exitCode = 1;
        },
        { migrate: false },
      ),
    );

  const user = cli.command("user").description("user accounts");
  user
    .command("create")
    .description("create an email + password account")
    .requiredOption("--email <email>")
    .requiredOption("--name <name>")
    .option("--password <password>", "or set SIFT_PASSWORD, which keeps it out of shell history")
    .action((o) =>
      withDb(async (conn) => {
        const password = o.password ?? process.env.SIFT_PASSWORD;
        if (!password) throw new CliError("give a password with --password or SIFT_PASSWORD");
        const created = await signUp(conn, { email: o.email, name: o.name, password });
        console.log(`created ${created.email} (${created.id})`);
      }),
    );
  // A link rather than a password typed here: the person chooses their own, and nobody else ever knows it.
  user
    .command("reset-password")
    .description("print a one-time link (valid 24 hours) with which the account's owner sets a new password")
    .argument("<email>")
    .action((email: string) =>
      withDb(async (conn) => {
        const base = process.env.SIFT_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
        const { link, expiresAt } = await issueResetLinkForEmail(conn, email, base);
        console.log(link);
        console.error(
          `sift: hand this link to ${email.trim().toLowerCase()}; it works once, until ${expiresAt.toISOString()}, and signs the account out everywhere when used`,
        );
      }),
    );

  cli
    .command("review")
    .description("reviews")
    .command("list")
    .description("list reviews (all, or those of one member)")
    .option("--member <email>")
    .option("--json", "one JSON object per line", false)
    .action((o) =>
      withDb(async (conn) => {
        const rows = o.member
          ? await conn.user.findUnique({ where: { email: String(o.member).toLowerCase() } }).then((u) => {
              if (!u) throw new CliError(`no account has the email ${o.member}`);
              return listReviewsForUser(conn, u.id);
            })
          : await conn.review.findMany({
              orderBy: { createdAt: "asc" },
              include: { _count: { select: { records: UNIQUE_RECORDS, memberships: { where: { removedAt: null } } } } },
            });
        for (const r of rows) {
          const records = "_count" in r ? r._count.records : r.records;
          if (o.json) console.log(JSON.stringify({ slug: r.slug, title: r.title, records }));
          else console.log(`${r.slug.padEnd(40)} ${String(records).padStart(7)} records  ${r.title}`);
        }
      }),
    );

  cli
    .command("import")
    .description("import search exports into a review (or, with --dry-run, only read them)")
    .argument("<files...>")
    .option("--dry-run", "parse only; print one JSON line per file", false)
    .option("--review <slug>", "the review to import into")
    .option("--source <name>", "where the records come from, e.g. PubMed, Embase, ClinicalTrials.gov")
    .option("--source-kind <kind>", "database, register, website, organisation or citation_searching")
    .option("--format <format>", "read as this format instead of detecting it")
    .option("--as <email>", "attribute the import to this member (default: the review's first owner)")
    .option(
      "--allow-duplicate",
      "import a file even if the review holds it already (same bytes, or 90 % of its records); else it is not imported",
      false,
    )
    .action(async (files: string[], o) => {
      const format = checkFormat(o.format);
      if (o.dryRun) return dryRun(files, format);
      if (!o.review || !o.source) throw new CliError("give --review SLUG and --source NAME (or use --dry-run)");
      await withDb(async (conn, url) => {
        process.env.DATABASE_URL = url;
        await importFiles(
          conn,
          pgPool(),
          {
            review: o.review,
            source: o.source,
            sourceKind: o.sourceKind,
            format,
            actorEmail: o.as,
            allowDuplicate: o.allowDuplicate,
          },
          files,
        );
        await pgPool().end();
      });
    });

  const exporting = cli.command("export").description("export a review");
  exporting
    .command("bundle")
    .description(
      "write a whole review (settings, people by email, records, decisions, extraction, audit trail) to one file",
    )
    .requiredOption("--review <slug>", "the review to export")
    .option("--out <file>", "where to write it (default: <slug>-<date>.sift.gz)")
    .action((o) => withDb((conn, url) => exportBundle(conn, url, { review: o.review, out: o.out })));
  addExportPrisma2020Command(exporting);

  cli
    .command("restore")
    .description("restore a bundle from sift export bundle as a new review")
    .argument("<file>")
    .option("--slug <slug>", "the new review's handle (default: the original's, numbered when taken)")
    .option("--owner <email>", "an account here that will own the restored review")
    .action((file: string, o) => withDb((conn, url) => restoreFile(conn, url, file, { slug: o.slug, owner: o.owner })));

  addAnalyseCommand(cli);

  cli
    .command("demo")
    .description("the demo review")
    .command("reset")
    .description("delete the demo review and create it again")
    .option("--force", "also in the database in DATABASE_URL, which then gets the demo accounts", false)
    .action((o) => {
      checkDemoResetAllowed(o.force);
      return withDb(async (conn) => {
        await resetDemoReview(conn);
        console.log(`demo review recreated; accounts:\n${demoAccountsText()}`);
      });
    });
  return cli;
}

export async function main(argv: string[]): Promise<void> {
  // Every command, before it does anything: `sift start`'s web server (Next.js runs in this process) and worker,
  // and the commands that seed a demo or restore a review, announce what the listeners act on.
  wireDomainEvents();
  try {
    await program().parseAsync(argv);
  } catch (err) {
    if (
      err instanceof CliError ||
      err instanceof AppError ||
      err instanceof DatabaseUnavailableError ||
      err instanceof MigrationError
    ) {
      console.error(`sift: ${err.message}`);
      process.exit(1);
    }
    throw err;
  }
}
