import { writeFileSync } from "node:fs";
import { expect, type Locator, type Page, test } from "@playwright/test";
import { addReviewer, createReview, importFile, readyToDecide, section, signUp, uniqueEmail } from "./helpers";

const TOPICS = [
  "Intrathecal mesenchymal stem cells in amyotrophic lateral sclerosis: a phase 2 trial",
  "Neural stem cell grafts in the lumbar spinal cord of ALS patients",
  "Bone marrow derived stromal cells for motor neuron disease: a cohort study",
  "Edaravone and riluzole adherence in a community neurology clinic",
  "Knee osteoarthritis and hyaluronic acid injections in older adults",
  "Migraine prophylaxis with beta blockers in adolescents",
  "Dietary sodium and blood pressure in a coastal population",
  "Hand hygiene compliance among night-shift nurses",
  "Vitamin D supplements and fracture risk in care homes",
  "Screen time and sleep in primary school children",
  "Antibiotic stewardship in rural emergency departments",
  "Cataract surgery waiting times after a booking reform",
];

/** A RIS export of these titles, each with its own author and year so de-duplication keeps them all. */
function risFile(file: string, titles: string[], first: number) {
  const entries = titles.map((title, i) => {
    const n = first + i;
    return `TY  - JOUR\nTI  - ${title}\nAU  - Author${String.fromCharCode(65 + n)}, Q.\nPY  - ${2001 + n}\nJO  - Journal ${n}\nER  - \n`;
  });
  writeFileSync(file, entries.join("\n"));
}

/** Decides the records on screen one after another with the given keys. */
async function screenWithKeys(page: Page, keys: string[]) {
  for (const key of keys) {
    const heading = page.locator("#record-title");
    await expect(heading).toBeVisible();
    const title = (await heading.textContent())!.trim();
    await readyToDecide(page);
    await page.locator("body").press(key);
    await expect(page.locator("#record-title", { hasText: title })).toHaveCount(0);
  }
}

const card = (page: Page, heading: string): Locator =>
  page.locator("section.card", { has: page.getByRole("heading", { name: heading, exact: true }) });

test("likely relevant first is switched per stage; a stopping sample tells the lead when to stop; the rest is excluded and restored", async ({
  browser,
}, testInfo) => {
  test.setTimeout(90_000);
  const lead = await (await browser.newContext()).newPage();
  await signUp(lead, "Stella Stop", uniqueEmail("stella"));
  await createReview(lead, "Stopping e2e", { reviewers: { title_abstract: 1 } });
  const file = testInfo.outputPath("search.ris");
  risFile(file, TOPICS, 0);
  await importFile(lead, file);
  const bob = await addReviewer(browser, lead, "Bob");

  // Off for title/abstract: screeners get no ranking, and the lead's panel says so.
  await section(lead, "Settings").click();
  const taSettings = card(lead, "Title and abstract screening");
  await taSettings.getByLabel("Likely relevant first").uncheck();
  await taSettings.getByRole("button", { name: "Save screening settings" }).click();
  await expect(taSettings.getByText("Screening settings saved.")).toBeVisible();
  await section(lead, "Screening").click();
  const panel = card(lead, "Likely relevant first");
  await expect(
    panel.getByText("Off at this stage: screeners get records in the order they were imported."),
  ).toBeVisible();
  await section(bob, "Screening").click();
  await expect(bob.locator("#record-title")).toBeVisible();
  await bob.waitForLoadState("networkidle");
  await expect(bob.getByText(/Likely relevant first/)).toHaveCount(0);

  // On again: the screener's note says where the ranking stands.
  await section(lead, "Settings").click();
  await taSettings.getByLabel("Likely relevant first").check();
  await taSettings.getByRole("button", { name: "Save screening settings" }).click();
  await expect(taSettings.getByText("Screening settings saved.")).toBeVisible();

  // The lead screens four records (three includes) before asking whether the rest can be left unscreened.
  await section(lead, "Screening").click();
  await expect(
    panel.getByText(/^On at this stage: each screener gets first the records their own ranking rates likeliest/),
  ).toBeVisible();
  await expect(
    lead.getByText(
      "Likely relevant first: the ranking starts once you have included and excluded at least one record.",
    ),
  ).toBeVisible();
  await screenWithKeys(lead, ["i", "i", "e", "i"]);
  await expect(lead.getByText("Team: 4 of 12 records resolved (3 included, 1 excluded)").first()).toBeVisible();

  // Bob's screen (opened above) holds two records, and the lead's holds the next two: they were served by the
  // ranking, not drawn at random, so the sample leaves them out. Its urn is the other 4 unscreened records; with
  // 3 includes found, recall would be under 50 % only if all 4 were includes, so one sampled exclusion settles it.
  await panel.getByLabel("Target recall (%)").fill("50");
  await panel.getByLabel("Confidence (%)").fill("90");
  await panel.getByRole("button", { name: "Open a stopping sample" }).click();
  await expect(
    panel.getByText(/A random sample of the 4 records nobody had screened has been open since/),
  ).toBeVisible();
  await expect(
    panel.getByText(
      /The 4 records already with screeners then were chosen by ranking, not at random, so they stay outside the sample/,
    ),
  ).toBeVisible();
  const exclude = panel.getByRole("button", { name: "Exclude the 4 unscreened records below the stopping threshold" });
  await expect(exclude).toBeDisabled();
  await expect(
    panel.getByText("The test starts once records of the sample are settled. Keep screening."),
  ).toBeVisible();

  await bob.reload();
  await expect(bob.getByText(/A stopping sample is open: records now come in random order/)).toBeVisible();
  await screenWithKeys(bob, ["e", "e"]); // the two he held
  // Decisions are sent in the background: Bob's own count says when the server has them.
  await expect(bob.getByText(/You: 2 decided/)).toBeVisible();
  await lead.reload();
  await expect(
    panel.getByText("The test starts once records of the sample are settled. Keep screening."),
  ).toBeVisible();

  await screenWithKeys(bob, ["e"]); // drawn at random from the urn
  await expect(bob.getByText(/You: 3 decided/)).toBeVisible();
  await lead.reload();
  await expect(panel.getByText("Recall of at least 50 % is reached at 90 % confidence (p = 0.000).")).toBeVisible();
  await panel.getByRole("button", { name: "Exclude the 3 unscreened records below the stopping threshold" }).click();
  await expect(panel.getByText(/3 records were excluded below the stopping threshold on/)).toBeVisible();
  // The two records the lead still holds are left to screen.
  await expect(lead.getByText("Team: 10 of 12 records resolved (3 included, 7 excluded)").first()).toBeVisible();

  await section(lead, "PRISMA 2020").click();
  // The stopping rule's exclusions are screened records excluded by automation tools, never removed before screening.
  await expect(
    lead.getByRole("button", {
      name: /^Records excluded \(n = 7\): by a human \(n = 4\) by automation tools \(n = 3\)/,
    }),
  ).toBeVisible();
  await expect(
    lead.getByRole("button", { name: /Records marked as ineligible by automation tools \(n = 0\)/ }),
  ).toBeVisible();
  await expect(lead.getByRole("button", { name: /^Records screened \(n = 12\)/ })).toBeVisible();
  await lead.getByRole("button", { name: /^Records excluded \(n = 7\)/ }).click();
  await expect(
    lead.getByText("Excluded by automation tools: below the stopping threshold", { exact: false }),
  ).toHaveCount(3);

  // An updated search brings new records: they can be sampled in turn, and the exclusion can still be reverted.
  const update = testInfo.outputPath("update.ris");
  risFile(
    update,
    ["Umbilical cord mesenchymal cells in sporadic ALS", "Statin use and muscle cramps in runners"],
    TOPICS.length,
  );
  await importFile(lead, update);
  await section(lead, "Screening").click();
  await expect(
    panel.getByText(
      "For records imported since the exclusion, open a random sample of the 4 records nobody has screened.",
      { exact: false },
    ),
  ).toBeVisible();
  await panel.getByRole("button", { name: "Revert the exclusion" }).click();
  await expect(panel.getByText(/excluded below the stopping threshold on/)).toHaveCount(0);
  await expect(lead.getByText("Team: 7 of 14 records resolved (3 included, 4 excluded)").first()).toBeVisible();
  // The sample is open again; it speaks for its own 4 records only, not for the 2 imported since.
  await expect(
    panel.getByText(/A random sample of the 4 records nobody had screened has been open since/),
  ).toBeVisible();
  await expect(panel.getByText(/2 records imported since the sample began are not part of it/)).toBeVisible();
  await expect(
    panel.getByRole("button", { name: "Exclude the 3 unscreened records below the stopping threshold" }),
  ).toBeEnabled();
  await section(lead, "PRISMA 2020").click();
  await expect(lead.getByRole("button", { name: /^Records screened \(n = 14\)/ })).toBeVisible();
});
