import { execFileSync } from "node:child_process";
import { expect, type Page, test } from "@playwright/test";
import { addReviewer, createReview, section, signUp, uniqueEmail } from "./helpers";

function seedStudy(slug: string, label: string): string {
  return execFileSync("npx", ["tsx", "e2e/support/seed-study.ts", slug, label], {
    env: { ...process.env, SIFT_HOME: ".sift-e2e", DATABASE_URL: "" },
    encoding: "utf8",
  }).trim();
}

async function extract(page: Page, n: string, conclusion: string) {
  await section(page, "Extraction").click();
  await page.getByRole("link", { name: "Extract", exact: true }).click();
  await expect(page.getByRole("heading", { name: "NurOwn phase 3: a randomised trial" })).toBeVisible();
  await page.getByLabel("N enrolled").fill(n);
  await page.getByLabel("Conclusion").fill(conclusion);
  await page.getByRole("button", { name: "Save and mark complete" }).click();
  await expect(page.getByText("Saved and marked complete.")).toBeVisible();
}

test("a lead builds a form, two extractors fill it blind, the lead records the consensus", async ({ browser }) => {
  test.setTimeout(240_000);
  const lead = await (await browser.newContext()).newPage();
  await signUp(lead, "Lena Lead", uniqueEmail("lena"));
  await createReview(lead, "Extraction e2e");
  const slug = new URL(lead.url()).pathname.split("/")[2]!;
  seedStudy(slug, "NurOwn phase 3");

  const bob = await addReviewer(browser, lead, "Bob");
  const cara = await addReviewer(browser, lead, "Cara");

  // The lead builds a small form from a blank one.
  await section(lead, "Extraction").click();
  await expect(lead.getByText("This review has no extraction form yet.")).toBeVisible();
  await lead.getByLabel("Form name").fill("Trial basics");
  await lead.getByRole("button", { name: "Create form" }).click();
  await lead.getByRole("link", { name: "Edit and publish" }).click();
  await lead.getByLabel("Field label").first().fill("N enrolled");
  await lead.getByLabel("Type").first().selectOption("integer");
  await lead.getByRole("checkbox", { name: "Required" }).first().check();
  await lead.getByRole("button", { name: "Add field" }).click();
  await lead.getByLabel("Field label").nth(1).fill("Conclusion");
  await lead.getByLabel("Type").nth(1).selectOption("long_text");
  await lead.getByRole("button", { name: "Publish as version 1" }).click();
  await expect(lead.getByText("Published as version 1.")).toBeVisible();

  await lead.getByRole("link", { name: "← Extraction" }).click();
  await lead.getByLabel("Extractor 1 for NurOwn phase 3").selectOption({ label: "Bob" });
  // Each choice is saved as it is made, says so and can be undone; a reload keeps it.
  await expect(lead.getByText("Saved: Bob.")).toBeVisible();
  await lead.getByLabel("Extractor 2 for NurOwn phase 3").selectOption({ label: "Cara" });
  await expect(lead.getByText("Saved: Bob and Cara.")).toBeVisible();
  await lead.getByRole("button", { name: "Undo: give NurOwn phase 3 back to Bob" }).click();
  await expect(lead.getByLabel("Extractor 2 for NurOwn phase 3")).toHaveValue("");
  await lead.getByLabel("Extractor 2 for NurOwn phase 3").selectOption({ label: "Cara" });
  await expect(lead.getByText("Saved: Bob and Cara.")).toBeVisible();
  await lead.reload();
  await expect(lead.getByLabel("Extractor 2 for NurOwn phase 3").locator("option:checked")).toHaveText("Cara");
  await expect(lead.getByText("0 of 2 complete")).toBeVisible();

  // A value of the wrong type is refused with the field named; what was typed stays on screen.
  await section(bob, "Extraction").click();
  await bob.getByRole("link", { name: "Extract", exact: true }).click();
  await bob.getByLabel("N enrolled").fill("about 200");
  await bob.getByRole("button", { name: /^Save/ }).first().click();
  await expect(bob.locator(".alert-error")).toHaveText('"N enrolled" needs a whole number.');
  await expect(bob.getByLabel("N enrolled")).toHaveValue("about 200");
  await extract(bob, "196", "Safe and well tolerated.");

  // Cara sees nothing of Bob's values.
  await section(cara, "Extraction").click();
  await cara.getByRole("link", { name: "Extract", exact: true }).click();
  await expect(cara.getByLabel("N enrolled")).toHaveValue("");
  await expect(cara.getByText("196")).toHaveCount(0);
  await extract(cara, "189", "Safe and well tolerated.");

  await lead.reload(); // the lead's page has been open on the study list all along
  await expect(lead.getByText("2 of 2 complete")).toBeVisible();
  await lead.getByRole("link", { name: "Compare" }).click();
  await expect(lead.getByText("They differ on 1 field, highlighted below.")).toBeVisible();
  const differing = lead.locator("tr.differs");
  await expect(differing).toHaveCount(1);
  await expect(differing).toContainText("N enrolled");
  await lead.getByRole("button", { name: "Use Bob's value for N enrolled" }).click();
  await lead.getByRole("button", { name: "Record consensus" }).click();
  await expect(lead.getByText("Consensus recorded.")).toBeVisible();

  await section(lead, "Extraction").click();
  await expect(
    lead.getByRole("row", { name: /NurOwn phase 3/ }).getByText("consensus recorded", { exact: true }),
  ).toBeVisible();
  const href = await lead.getByRole("link", { name: "CSV, one row per study", exact: true }).getAttribute("href");
  const csv = await lead.request.get(href!);
  expect(csv.status()).toBe(200);
  expect(await csv.text()).toMatch(/NurOwn phase 3,consensus,1,196,Safe and well tolerated\./);
});

test("a wide repeating group scrolls in its own box with its headings in view, never widening the page", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await signUp(page, "Wendy Wide", uniqueEmail("wendy"));
  await createReview(page, "Wide tables e2e");
  const slug = new URL(page.url()).pathname.split("/")[2]!;
  seedStudy(slug, "NurOwn phase 3");

  await section(page, "Extraction").click();
  await page.getByLabel("Start from").selectOption({ label: "Template: ALS stem cell, clinical" });
  await page.getByRole("button", { name: "Create form" }).click();
  await page.getByLabel("Extractor 1 for NurOwn phase 3").selectOption({ label: "Wendy Wide" });
  await expect(page.getByText("Saved: Wendy Wide.")).toBeVisible();
  await page.getByRole("link", { name: "Extract", exact: true }).click();

  const addResult = page.getByRole("button", { name: "Add result" });
  for (let i = 0; i < 14; i++) await addResult.click();
  const box = page.getByRole("region", { name: "Results table" });
  await expect(box.getByRole("row")).toHaveCount(15);
  // A continuous outcome in one row brings the columns of its numbers (mean, SD, … n) into the table.
  await box.getByLabel("Outcome", { exact: true }).first().selectOption({ label: "ALSFRS-R change" });
  // Whichever column comes last (the outcome's type decides which numbers there are), its heading stays in view.
  const lastHeading = box.getByRole("columnheader").last();
  const rowNumber = box.getByRole("rowheader", { name: "Result 14" });

  for (const width of [1400, 390]) {
    await page.setViewportSize({ width, height: 800 });
    await box.evaluate((el) => el.scrollTo(0, 0));
    const widths = await page.evaluate(() => ({
      page: document.scrollingElement!.scrollWidth,
      main: document.querySelector(".review-main")!.scrollWidth - document.querySelector(".review-main")!.clientWidth,
      inner: window.innerWidth,
    }));
    expect(widths.page, `the page scrolls sideways at ${width} px`).toBeLessThanOrEqual(widths.inner);
    expect(widths.main, `the main column scrolls sideways at ${width} px`).toBe(0);
    // The mean, SD, n, CI and Remove columns are reached inside the box, which keyboard users can focus.
    expect(await box.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    await box.focus();
    await expect(box).toBeFocused();

    // Scrolled down and across, the box keeps the heading row at its top and the item numbers at its left.
    await box.evaluate((el) => el.scrollTo(el.scrollWidth, el.scrollHeight));
    await box.scrollIntoViewIfNeeded();
    await expect(box.getByRole("button", { name: "Remove result 14" })).toBeInViewport();
    const boxTop = (await box.boundingBox())!;
    await expect(lastHeading).toBeInViewport();
    const head = (await lastHeading.boundingBox())!;
    expect(Math.abs(head.y - boxTop.y)).toBeLessThan(3);
    const number = (await rowNumber.boundingBox())!;
    expect(Math.abs(number.x - boxTop.x)).toBeLessThan(3);
  }
});
