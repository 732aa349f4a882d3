import { writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, type Page, test } from "@playwright/test";
import { addReviewer, createReview, fixture, importFile, readyToDecide, section, signUp, uniqueEmail } from "./helpers";

const INTERVENTIONS = [
  "Intrathecal mesenchymal stem cells",
  "Riluzole dose escalation",
  "Non-invasive ventilation",
  "Percutaneous gastrostomy",
  "Edaravone infusion",
  "Tofersen antisense therapy",
  "Respiratory muscle training",
  "Cannabinoid spray",
];
const POPULATIONS = [
  "in sporadic amyotrophic lateral sclerosis",
  "for bulbar-onset motor neuron disease",
  "among SOD1 mutation carriers",
  "in elderly patients with limb-onset ALS",
  "after tracheostomy in advanced ALS",
  "in a Scandinavian registry cohort",
  "for frontotemporal dementia with ALS",
  "in primary lateral sclerosis",
];

/** A RIS file of `n` records with unlike titles, authors and years, so de-duplication keeps them all apart. */
function risFile(n: number): string {
  const file = path.join(os.tmpdir(), `sift-screening-keys-${process.pid}-${n}.ris`);
  const entries = Array.from({ length: n }, (_, i) => {
    const title = `${INTERVENTIONS[i % 8]} ${POPULATIONS[Math.floor(i / 8) % 8]}`;
    const author = `${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}son, R.`;
    return `TY  - JOUR\nTI  - ${title}\nAU  - ${author}\nPY  - ${1960 + i}\nJO  - Journal of study ${i}\nER  - \n`;
  });
  writeFileSync(file, entries.join("\n"));
  return file;
}

const title = (page: Page) => page.locator("#record-title");

async function leadWithRecords(page: Page, name: string, file: string) {
  await signUp(page, "Lena Lead", uniqueEmail("lena"));
  await createReview(page, name);
  await importFile(page, file);
  await section(page, "Screening").click();
  await expect(title(page)).toBeVisible();
}

test("two decision keys 15 ms apart decide only the record that was read; the next waits for its Ready cue", async ({
  page,
}) => {
  await leadWithRecords(page, "Keyboard guard e2e", fixture("pubmed-search.ris"));
  const first = (await title(page).textContent())!.trim();
  await readyToDecide(page);
  // Two presses 15 ms apart, as a double tap sends them.
  await page.evaluate(async () => {
    const press = () => window.dispatchEvent(new KeyboardEvent("keydown", { key: "i", bubbles: true }));
    press();
    await new Promise((resolve) => setTimeout(resolve, 15));
    press();
  });
  await expect(title(page)).not.toHaveText(first);
  const second = (await title(page).textContent())!.trim();
  // The second press came before the new record was ready: ignored, not queued.
  await expect(page.getByTestId("ready-cue")).toHaveText(/Ready/);
  await page.waitForTimeout(500);
  await expect(title(page)).toHaveText(second);
  await expect(page.locator(".last-decision")).toContainText(first.slice(0, 40));
  await page.reload();
  await expect(title(page)).toHaveText(second);
  await expect(page.getByText("You: 1 decided, 2 left").first()).toBeVisible();
});

test("the next record shows at once; a refused decision brings its record back with the server's message; undo still works", async ({
  page,
}) => {
  await leadWithRecords(page, "Optimistic queue e2e", fixture("pubmed-search.ris"));
  const first = (await title(page).textContent())!.trim();
  // The server refuses this one decision: it names a record that is not in the review.
  let refused = false;
  await page.route("**/api/trpc/screening.decide*", async (route) => {
    if (refused) return route.continue();
    refused = true;
    const body = route.request().postData() ?? "";
    await route.continue({
      postData: body.replace(/"recordId":"[^"]+"/, '"recordId":"01900000-0000-7000-8000-000000000000"'),
    });
  });
  await readyToDecide(page);
  await page.locator("body").press("i");
  // The refusal brings the record back, with the message, and nothing was counted.
  await expect(page.getByRole("alert").filter({ hasText: "Your decision on" })).toContainText(
    "was not recorded: That record is not in this review.",
  );
  await expect(title(page)).toHaveText(first);
  expect(refused).toBe(true);
  await expect(page.getByText("You: 0 decided, 3 left").first()).toBeVisible();

  await readyToDecide(page);
  await page.locator("body").press("e");
  await expect(title(page)).not.toHaveText(first);
  await expect(page.locator(".last-decision")).toContainText(first.slice(0, 40));
  await page.locator("body").press("z");
  await expect(title(page)).toHaveText(first);
  await expect(page.getByText(/Decision undone/)).toBeAttached();
});

test("a lead resolves conflicts from the keyboard: J and K move, I or E and a reason's number choose, Enter resolves", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const lead = await (await browser.newContext()).newPage();
  await leadWithRecords(lead, "Conflicts by keyboard e2e", fixture("pubmed-search.ris"));
  const bob = await addReviewer(browser, lead, "Bob");
  for (const [page, keys] of [
    [bob, ["i", "i", "i"]],
    [lead, ["e", "e", "i"]],
  ] as const) {
    await section(page, "Screening").click();
    for (const key of keys) {
      const shown = (await title(page).textContent())!.trim();
      await readyToDecide(page);
      await page.locator("body").press(key);
      await expect(title(page).filter({ hasText: shown })).toHaveCount(0);
    }
  }

  await section(lead, "Conflicts").click();
  const cards = lead.getByRole("article");
  await expect(cards).toHaveCount(2);
  await expect(lead.getByText(/Keys: J next conflict, K previous/)).toBeVisible();
  await expect(cards.first()).toHaveAttribute("aria-current", "true");
  const secondTitle = (await cards.nth(1).getByRole("heading", { level: 2 }).textContent())!.trim();

  await lead.locator("body").press("j");
  await expect(cards.nth(1)).toHaveAttribute("aria-current", "true");
  await lead.keyboard.press("k");
  await expect(cards.first()).toHaveAttribute("aria-current", "true");
  await expect(cards.first()).toBeFocused();
  await lead.keyboard.press("j");
  await expect(cards.nth(1)).toBeFocused();
  await lead.keyboard.press("1");
  await expect(cards.nth(1).getByLabel(/^Exclude/)).toBeChecked();
  await expect(cards.nth(1).getByLabel(/Exclusion reason/)).toHaveValue(/.+/);
  // A resolution that never reaches the server leaves the card as the lead left it, note and all.
  const note = cards.nth(1).getByLabel(/^Note/);
  await note.fill("Both reviewers missed the crossover arm.");
  await note.press("Escape");
  await lead.route("**/api/trpc/screening.resolveConflict*", (route) => route.abort("internetdisconnected"), {
    times: 1,
  });
  await lead.keyboard.press("Enter");
  await expect(cards.nth(1).getByRole("alert")).toHaveText("Sift could not be reached: check your connection.");
  await expect(note).toHaveValue("Both reviewers missed the crossover arm.");
  await expect(cards.nth(1).getByLabel(/^Exclude/)).toBeChecked();
  await lead.keyboard.press("Enter");
  await expect(lead.getByText(`Resolved: “${secondTitle}” is excluded.`)).toBeVisible();
  await expect(cards).toHaveCount(1);

  await lead.keyboard.press("i");
  await expect(cards.first().getByLabel(/^Include/)).toBeChecked();
  await lead.keyboard.press("Enter");
  await expect(lead.getByText(/Resolved: “.+” is included\./)).toBeVisible();
  await expect(lead.getByRole("tab", { name: /^Resolved\s*2$/ })).toBeVisible();
});

test("measures the time from a decision key to the next record's title painted, over 50 decisions", async ({
  page,
}) => {
  test.setTimeout(240_000);
  const decisions = 50;
  await leadWithRecords(page, "Next record timing e2e", risFile(decisions + 4));
  // The key's time is the event's own timestamp; the title counts as painted at the first frame after the DOM
  // shows it. Both are read with the page's clock, so Playwright's own latency is not in the figure.
  await page.evaluate(() => {
    const w = window as unknown as { keyAt: number; lags: number[] };
    w.lags = [];
    window.addEventListener("keydown", (e) => (w.keyAt = e.timeStamp), { capture: true });
    let last = document.querySelector("#record-title")?.textContent;
    new MutationObserver(() => {
      const now = document.querySelector("#record-title")?.textContent;
      if (!now || now === last) return;
      last = now;
      requestAnimationFrame(() => w.lags.push(performance.now() - w.keyAt));
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  const seen = new Set<string>();
  for (let i = 0; i < decisions; i++) {
    const shown = (await title(page).textContent())!.trim();
    seen.add(shown);
    await readyToDecide(page);
    await page.locator("body").press(i % 3 === 0 ? "e" : "i");
    await expect(title(page).filter({ hasText: shown })).toHaveCount(0);
  }
  const lags = await page.evaluate(() => (window as unknown as { lags: number[] }).lags);
  expect(seen.size).toBe(decisions);
  expect(lags).toHaveLength(decisions);
  const sorted = [...lags].sort((a, b) => a - b);
  const at = (q: number) =>
    Math.round(sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]! * 10) / 10;
  console.log(
    JSON.stringify({
      measurement: "screening.key-to-next-title-painted-ms",
      decisions,
      p50: at(0.5),
      p95: at(0.95),
      max: at(1),
      target: { p95: 50 },
    }),
  );
});
