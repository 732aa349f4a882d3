import { expect, test } from "@playwright/test";
import { addReviewer, createReview, section, signUp, uniqueEmail } from "./helpers";

test("a reviewer is not offered a lead's pages, and reaching one by its address says at once it is for leads", async ({
  browser,
}) => {
  const lead = await (await browser.newContext()).newPage();
  await signUp(lead, "Lena Lead", uniqueEmail("lena"));
  await createReview(lead, "Roles in practice");
  const reviewPath = new URL(lead.url()).pathname;
  await expect(section(lead, "Conflicts")).toBeVisible();
  await expect(section(lead, "Import")).toBeVisible();

  const reviewer = await addReviewer(browser, lead, "Rafa");
  await reviewer.goto(reviewPath);
  await expect(section(reviewer, "Screening")).toBeVisible();
  await expect(section(reviewer, "Conflicts")).toHaveCount(0);
  await expect(section(reviewer, "Import")).toHaveCount(0);

  // Every refused request is counted: the page must not ask the server for a lead's data, nor ask again.
  const refused: string[] = [];
  reviewer.on("response", (response) => {
    if (response.status() === 403) refused.push(response.url());
  });
  for (const [path, says] of [
    ["conflicts", "Leads resolve the records on which reviewers disagreed."],
    ["extraction/forms/any-form", "Leads design the extraction forms."],
    ["extraction/studies/any-study/compare?form=any-form", "Leads compare the extractors"],
  ] as const) {
    const started = Date.now();
    await reviewer.goto(`${reviewPath}/${path}`);
    const notice = reviewer.getByRole("status").filter({ hasText: "This page is for the review's leads and owners." });
    await expect(notice).toBeVisible();
    await expect(notice).toContainText(says);
    await expect(notice).toContainText("You are a reviewer in this review");
    expect(Date.now() - started).toBeLessThan(5_000);
    await expect(reviewer.getByText("Loading…")).toHaveCount(0);
  }
  expect(refused).toEqual([]);
});
