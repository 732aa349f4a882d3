import { execFileSync } from "node:child_process";
import { expect, type Page, test } from "@playwright/test";
import { addReviewer, createReview, section, signUp, uniqueEmail } from "./helpers";

const ROB2: Record<string, string> = {
  "1.1": "Y",
  "1.2": "PY",
  "1.3": "N",
  "2.1": "N",
  "2.2": "N",
  "2.6": "Y",
  "3.1": "Y",
  "4.1": "N",
  "4.2": "N",
  "4.3": "N",
  "5.1": "Y",
  "5.2": "N",
  "5.3": "N",
};
const SYRCLE: Record<string, string> = Object.fromEntries(
  Array.from({ length: 10 }, (_, i) => [`S${i + 1}.1`, i === 4 ? "no" : i % 3 === 0 ? "unclear" : "yes"]),
);

const PER_PROTOCOL = "Effect of adhering to intervention (per-protocol)";

async function answer(page: Page, responses: Record<string, string>) {
  for (const [id, value] of Object.entries(responses))
    await page.locator(`input[name="q-${id}"][value="${value}"]`).check();
}

/** Opens a study's appraisal with a tool, answers, and marks it complete. */
async function appraise(page: Page, study: string, tool: string, responses: Record<string, string>, variant?: string) {
  await section(page, "Appraisal").click();
  await page
    .getByRole("row", { name: new RegExp(study) })
    .getByRole("link", { name: tool, exact: true })
    .click();
  await page.getByRole("button", { name: `Start ${tool} appraisal` }).click();
  if (variant) await page.getByLabel("Effect of interest (D2)").selectOption({ label: variant });
  await answer(page, responses);
  await page.getByRole("button", { name: "Mark complete" }).click();
  await expect(page.getByText("Completed.")).toBeVisible();
}

async function consensus(
  lead: Page,
  study: string,
  tool: string,
  responses: Record<string, string>,
  differing: string,
  variant?: string,
) {
  await section(lead, "Appraisal").click();
  await lead
    .getByRole("row", { name: new RegExp(study) })
    .getByRole("link", { name: tool, exact: true })
    .click();
  await lead.getByRole("button", { name: "Compare and consensus" }).click();
  await expect(
    lead.getByRole("row", { name: new RegExp(`^${differing.replace(".", "\\.")} .*\\(differs\\)`) }),
  ).toBeVisible();
  await lead.getByRole("button", { name: "Start consensus" }).click();
  if (variant) await lead.getByLabel("Effect of interest (D2)").selectOption({ label: variant });
  await answer(lead, responses);
  await lead.getByRole("button", { name: "Record consensus" }).click();
  await expect(lead.getByText("Consensus recorded.")).toBeVisible();
}

test("two appraisers do RoB 2 and SYRCLE blind; the lead records consensus; the traffic-light plot shows both", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const lead = await (await browser.newContext()).newPage();
  await signUp(lead, "Lena Lead", uniqueEmail("lena"));
  await createReview(lead, "Appraisal e2e");
  const slug = new URL(lead.url()).pathname.split("/")[2]!;
  execFileSync("npx", ["tsx", "e2e/support/seed-included-reports.ts", slug], {
    env: { ...process.env, SIFT_HOME: ".sift-e2e", DATABASE_URL: "" },
    stdio: "inherit",
  });

  // Grouping: the NCT suggestion is confirmed; the animal study is made from the keyboard.
  await section(lead, "Studies").click();
  await expect(lead.getByText("Both name NCT02017912")).toBeVisible();
  await lead.getByRole("button", { name: "Confirm as one study" }).click();
  await expect(lead.getByRole("heading", { name: "Berry 2019", level: 3 })).toBeVisible();
  await lead.getByRole("checkbox").first().press("Space");
  await lead.getByRole("checkbox").first().press("g");
  await expect(lead.getByRole("heading", { name: "Xu 2006", level: 3 })).toBeVisible();
  await lead.getByRole("article", { name: "Berry 2019" }).getByLabel("Design").selectOption("rct");
  await expect(lead.getByRole("article", { name: "Berry 2019" }).getByLabel("Risk-of-bias tool")).toHaveValue("rob2");
  await lead.getByRole("article", { name: "Xu 2006" }).getByLabel("Design").selectOption("animal");
  await expect(lead.getByRole("article", { name: "Xu 2006" }).getByLabel("Risk-of-bias tool")).toHaveValue("syrcle");

  const bob = await addReviewer(browser, lead, "Bob");
  const cara = await addReviewer(browser, lead, "Cara");

  await appraise(bob, "Berry 2019", "RoB 2", ROB2);
  await appraise(bob, "Xu 2006", "SYRCLE", SYRCLE);
  // Cara works blind: her form starts empty, and Bob's answers appear nowhere on her screens.
  // Cara assesses the effect of adhering (RoB 2 domain 2's other variant): a difference the lead settles.
  const { "2.6": _itt, ...notD2 } = ROB2;
  const ADHERING = { "2.1": "N", "2.2": "N", "2.4": "N", "2.5": "PN" };
  await appraise(cara, "Berry 2019", "RoB 2", { ...notD2, ...ADHERING, "1.2": "NI" }, PER_PROTOCOL);
  await expect(
    cara.getByRole("heading", { name: "D2. Bias due to deviations from intended interventions (effect of adhering)" }),
  ).toBeVisible();
  await expect(cara.getByText("Bob")).toHaveCount(0);
  await appraise(cara, "Xu 2006", "SYRCLE", { ...SYRCLE, "S7.1": "no" });

  await consensus(lead, "Berry 2019", "RoB 2", { "1.2": "Y", ...ADHERING }, "1.2", PER_PROTOCOL);
  await consensus(lead, "Xu 2006", "SYRCLE", { "S7.1": "yes" }, "S7.1");

  await section(lead, "Appraisal").click();
  const rob2Plot = lead.getByTestId("traffic-light-rob2");
  await expect(rob2Plot.getByRole("img")).toBeVisible();
  await expect(rob2Plot).toContainText("Berry 2019");
  await expect(rob2Plot.locator("title", { hasText: "Berry 2019, Overall: Low risk" })).toHaveCount(1);
  await expect(rob2Plot).toContainText("D2: Bias due to deviations from intended interventions (effect of adhering)");
  const syrclePlot = lead.getByTestId("traffic-light-syrcle");
  await expect(syrclePlot).toContainText("Xu 2006");
  await expect(syrclePlot.locator("title", { hasText: "Xu 2006, 5: High risk" })).toHaveCount(1);
  await expect(syrclePlot.locator("title", { hasText: "Xu 2006, 7: Low risk" })).toHaveCount(1);

  const png = await lead.request.get(
    `${new URL(lead.url()).origin}${await lead.getByRole("link", { name: "PNG" }).first().getAttribute("href")}`,
  );
  expect(png.headers()["content-type"]).toBe("image/png");
  await expect(
    bob
      .context()
      .request.get(`${new URL(lead.url()).origin}/api/reviews/nope/appraisal/plots/rob2`)
      .then((r) => r.status()),
  ).resolves.toBe(403);
});
