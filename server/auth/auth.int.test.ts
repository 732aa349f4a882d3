import net from "node:net";
import { describe, expect, it, vi } from "vitest";
import { createDb } from "../db/client";
import { callerFor, testDb, uniqueEmail } from "../test/integration";
import { hashPassword } from "./password";
import { authorizeCredentials } from "./sign-in";
import { signInErrorMessage } from "./sign-in-errors";
import { FREE_ATTEMPTS } from "./throttle";
import { registerAccount, verifyCredentials } from "./users";

const tooMany = { code: "TOO_MANY_ATTEMPTS" };
const invalid = { code: "INVALID_CREDENTIALS" };

async function userWithPassword(label: string, password: string) {
  const email = uniqueEmail(label);
  const user = await testDb().user.create({ data: { email, name: label, passwordHash: await hashPassword(password) } });
  return { ...user, email };
}

/** Just enough of an SMTP server to take messages from nodemailer; each arrives as its RCPT TO and its data. */
async function smtpServer() {
  const received: { to: string; data: string }[] = [];
  const server = net.createServer((socket) => {
    let to = "";
    let data: string | null = null;
    let buffered = "";
    socket.write("220 test\r\n");
    socket.on("data", (chunk) => {
      buffered += chunk.toString();
      let end: number;
      while ((end = data === null ? buffered.indexOf("\r\n") : buffered.indexOf("\r\n.\r\n")) >= 0) {
        if (data !== null) {
          received.push({ to, data: buffered.slice(0, end) });
          buffered = buffered.slice(end + 5);
          data = null;
          socket.write("250 queued\r\n");
          continue;
        }
        const line = buffered.slice(0, end);
        buffered = buffered.slice(end + 2);
        if (/^RCPT TO:/i.test(line)) to = line.replace(/^RCPT TO:\s*<?([^>]*)>?.*$/i, "$1");
        if (/^DATA/i.test(line)) {
          data = "";
          socket.write("354 go on\r\n");
        } else socket.write(/^QUIT/i.test(line) ? "221 bye\r\n" : "250 ok\r\n");
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `smtp://127.0.0.1:${(server.address() as net.AddressInfo).port}`,
    received,
    close: () => server.close(),
  };
}

/** What each of several sign-ins ended as: "ok", or the refusal's code. */
async function outcomes(attempts: Promise<unknown>[]) {
  const settled = await Promise.allSettled(attempts);
  return settled.map((s) =>
    s.status === "fulfilled" ? "ok" : ((s.reason as { code?: string }).code ?? String(s.reason)),
  );
}

describe("sign-up", () => {
  it("signs up with a normalised email and an argon2id hash, then signs in", async () => {
    const email = uniqueEmail("ada");
    await callerFor(testDb(), null).auth.signUp({
      name: " Ada ",
      email: `  ${email.toUpperCase()} `,
      password: "correct horse battery",
    });
    const stored = await testDb().user.findUniqueOrThrow({ where: { email } });
    expect(stored).toMatchObject({ name: "Ada", sessionVersion: 0 });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
    expect(
      await verifyCredentials(testDb(), { email: email.toUpperCase(), password: "correct horse battery" }),
    ).toMatchObject({
      id: stored.id,
      sessionVersion: 0,
    });
  });

  it("answers a taken email exactly like a new one, changes nothing, and tells the account's owner", async () => {
    const db = testDb();
    const caller = callerFor(db, null);
    const email = uniqueEmail("taken");
    const first = await caller.auth.signUp({ name: "First", email, password: "first password" });
    const before = await db.user.findUniqueOrThrow({ where: { email } });
    const again = await caller.auth.signUp({ name: "Second", email: email.toUpperCase(), password: "second password" });
    expect(again).toEqual(first);
    expect(await db.user.findUniqueOrThrow({ where: { email } })).toEqual(before);
    await expect(verifyCredentials(db, { email, password: "second password" })).rejects.toMatchObject(invalid);

    const told: string[] = [];
    const notify = async (to: string) => void told.push(to);
    await registerAccount(db, { name: "Third", email: ` ${email.toUpperCase()}`, password: "third password" }, notify);
    const fresh = uniqueEmail("fresh");
    await registerAccount(db, { name: "Fresh", email: fresh, password: "fresh password" }, notify);
    expect(told).toEqual([email]);
    expect(await db.user.count({ where: { email: fresh } })).toBe(1);
  });

  it("emails the owner of a taken address through SMTP_URL, and nobody for a new one", async () => {
    const smtp = await smtpServer();
    vi.stubEnv("SMTP_URL", smtp.url);
    try {
      const caller = callerFor(testDb(), null);
      const email = uniqueEmail("owner");
      await caller.auth.signUp({ name: "Owner", email, password: "owner password" });
      await caller.auth.signUp({ name: "Someone", email, password: "someone's password" });
      await vi.waitFor(() => expect(smtp.received).toHaveLength(1), { timeout: 10_000 });
      expect(smtp.received[0]!.to).toBe(email);
      expect(smtp.received[0]!.data).toMatch(/already has one[\s\S]*http:\/\/sift\.test\/sign-in/);
    } finally {
      vi.unstubAllEnvs();
      smtp.close();
    }
  });

  it("a taken email costs a password hash, as a new one does, so the reply does not tell them apart", async () => {
    const db = testDb();
    const taken = uniqueEmail("timed");
    await registerAccount(db, { name: "T", email: taken, password: "timed password" }, null);
    const timed = async (work: () => Promise<unknown>) => {
      const t0 = performance.now();
      await work();
      return performance.now() - t0;
    };
    const forHash: number[] = [];
    const forTaken: number[] = [];
    for (let i = 0; i < 5; i++) {
      forHash.push(await timed(() => hashPassword("timed password")));
      forTaken.push(
        await timed(() => registerAccount(db, { name: "T", email: taken, password: "timed password" }, null)),
      );
    }
    // A new address costs a hash plus an insert, so comparing with it fails whenever inserts are slow; the promise
    // is only that a taken address costs at least the hash (tens of ms) rather than one query (about 1 ms).
    expect(Math.min(...forTaken)).toBeGreaterThan(Math.min(...forHash) * 0.5);
  });

  it("refuses weak passwords with clear messages, writing nothing", async () => {
    const caller = callerFor(testDb(), null);
    const refused = async (email: string, password: string, message: string | RegExp) => {
      await expect(caller.auth.signUp({ name: "Weak", email, password })).rejects.toMatchObject({
        code: "BAD_REQUEST",
        message,
      });
      expect(await testDb().user.count({ where: { email } })).toBe(0);
    };
    await refused(uniqueEmail("short"), "short", "Choose a password of at least 10 characters.");
    await refused(uniqueEmail("common"), "Password123", /one of the most common passwords/);
    await refused(uniqueEmail("common"), "qwertyuiop", /one of the most common passwords/);
    const email = uniqueEmail("itself");
    await refused(email, email.toUpperCase(), /must not be your email address/);
    await refused(email, email.slice(0, email.indexOf("@")), /must not be your email address/);
  });
});

describe("sign-in throttling", () => {
  it("slows down repeated failed sign-ins for an address, even with the right password", async () => {
    const { email } = await userWithPassword("guessed", "the real password");
    for (let i = 0; i < FREE_ATTEMPTS.account; i++) {
      await expect(verifyCredentials(testDb(), { email, password: `wrong ${i}` })).rejects.toMatchObject(invalid);
    }
    await expect(verifyCredentials(testDb(), { email, password: "the real password" })).rejects.toMatchObject(tooMany);
  });

  it("evaluates at most the free budget of 40 parallel guesses; the right one after them waits for the block to end", async () => {
    const db = testDb();
    const { email, id } = await userWithPassword("raced", "the real password");
    const t0 = new Date();
    const guesses = Array.from({ length: 40 }, (_, i) => (i === 39 ? "the real password" : `wrong guess ${i}`));
    const results = await outcomes(guesses.map((password) => verifyCredentials(db, { email, password }, t0)));
    const evaluated = results.filter((r) => r !== "TOO_MANY_ATTEMPTS");
    expect(evaluated.length).toBeLessThanOrEqual(FREE_ATTEMPTS.account);
    expect(evaluated.every((r) => r === "INVALID_CREDENTIALS")).toBe(true);
    expect(results[39]).toBe("TOO_MANY_ATTEMPTS");

    const later = (ms: number) => new Date(t0.getTime() + ms);
    await expect(verifyCredentials(db, { email, password: "the real password" }, later(500))).rejects.toMatchObject(
      tooMany,
    );
    await expect(verifyCredentials(db, { email, password: "the real password" }, later(1500))).resolves.toMatchObject({
      id,
    });
  });

  it("gives each client address a budget across accounts, so spreading guesses over many accounts is slowed too", async () => {
    const db = testDb();
    const client = `198.51.100.${Math.floor(Math.random() * 250) + 1}`;
    const t0 = new Date();
    const attempt = (clientAddress: string) =>
      verifyCredentials(db, { email: uniqueEmail("sprayed"), password: "a wrong password", clientAddress }, t0);
    const results = await outcomes(Array.from({ length: FREE_ATTEMPTS.client + 5 }, () => attempt(client)));
    expect(results.filter((r) => r === "INVALID_CREDENTIALS")).toHaveLength(FREE_ATTEMPTS.client);
    expect(results.filter((r) => r === "TOO_MANY_ATTEMPTS")).toHaveLength(5);
    // The same guess from elsewhere is still evaluated.
    await expect(attempt("2001:db8:1:2::7")).rejects.toMatchObject(invalid);
  });

  it("a success clears the account's count but takes only itself off the client's", async () => {
    const db = testDb();
    const { email } = await userWithPassword("regular", "my own password");
    const clientAddress = `203.0.113.${Math.floor(Math.random() * 250) + 1}`;
    for (let i = 0; i < 3; i++) {
      await expect(verifyCredentials(db, { email, password: `typo ${i}`, clientAddress })).rejects.toMatchObject(
        invalid,
      );
    }
    await verifyCredentials(db, { email, password: "my own password", clientAddress });
    expect(await db.signInThrottle.findUnique({ where: { key: `email:${email}` } })).toBeNull();
    expect(await db.signInThrottle.findUnique({ where: { key: `client:${clientAddress}` } })).toMatchObject({
      failures: 3,
    });
  });

  it("answers an unknown email exactly like a wrong password", async () => {
    await expect(
      verifyCredentials(testDb(), { email: uniqueEmail("nobody"), password: "whatever it is" }),
    ).rejects.toMatchObject({
      code: "INVALID_CREDENTIALS",
      message: "That email and password do not match an account.",
    });
  });
});

describe("next-auth's authorize", () => {
  it("counts the attempt against the client address the launcher saw", async () => {
    const { email } = await userWithPassword("located", "located password");
    const address = `192.0.2.${Math.floor(Math.random() * 250) + 1}`;
    const user = await authorizeCredentials(
      testDb(),
      { email, password: "located password" },
      { "x-sift-client-address": `::ffff:${address}` },
    );
    expect(user).toMatchObject({ email });
    expect(await testDb().signInThrottle.findUnique({ where: { key: `client:${address}` } })).toMatchObject({
      failures: 0,
    });
  });

  it("passes refusals on as codes, and an internal error as neither its message nor anything else of it", async () => {
    const { email } = await userWithPassword("coded", "coded password");
    await expect(authorizeCredentials(testDb(), { email, password: "not it at all" }, {})).rejects.toThrow(
      /^CredentialsSignin$/,
    );

    const unreachable = createDb("postgresql://sift:secret@127.0.0.1:1/nowhere");
    const error = console.error;
    console.error = () => {};
    try {
      const thrown = await authorizeCredentials(unreachable, { email, password: "coded password" }, {}).catch(
        (e: Error) => e,
      );
      expect((thrown as Error).message).toBe("ServerError");
      expect(signInErrorMessage((thrown as Error).message)).toBe(
        "Sign-in did not work because of a problem on the server. Try again; if it persists, tell your administrator.",
      );
    } finally {
      console.error = error;
      await unreachable.$disconnect();
    }
  });
});
