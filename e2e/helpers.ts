import { randomBytes } from "node:crypto";
import path from "node:path";
import { type Browser, expect, type Page } from "@playwright/test";

export const PASSWORD = "e2e password 1234";

export function uniqueEmail(name: string): string {
  return `${name}-${randomBytes(4).toString("hex")}@e2e.sift`;
}

/**
 * Fills the sign-up form on the current page; sign-up then sends new and taken addresses alike to sign in. Coming
 * from an invitation, the address is the invited one, filled in and fixed: it must be `email`.
 */
export async function submitSignUp(page: Page, name: string, email: string, password = PASSWORD) {
  await page.getByLabel("Name").fill(name);
  const address = page.getByLabel("Email");
  if (await address.isEditable()) await address.fill(email);
  else await expect(address).toHaveValue(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
}

/** Signs up and then in, ending where the sign-up page's way back leads. */
export async function signUp(page: Page, name: string, email: string, path = "/sign-up") {
  await page.goto(path);
  await submitSignUp(page, name, email);
  await expect(page).toHaveURL(/\/sign-in\?signedUp=1/);
  await submitSignIn(page, email);
}

/** Fills the sign-in form on the current page, keeping its way back. */
export async function submitSignIn(page: Page, email: string, password = PASSWORD) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

export async function signIn(page: Page, email: string, password = PASSWORD) {
  await page.goto("/sign-in");
  await submitSignIn(page, email, password);
}

export async function expectOnReviews(page: Page) {
  await expect(page).toHaveURL(/\/reviews$/);
  await expect(page.getByRole("heading", { name: "Reviews", exact: true })).toBeVisible();
}

/** A decision key counts only once the record has been on screen for the stage's pause; the cue says when. */
export async function readyToDecide(page: Page) {
  await expect(page.getByTestId("ready-cue")).toHaveText(/Ready/);
}

export const section = (page: Page, name: string) =>
  page.getByRole("navigation", { name: "Review sections" }).getByRole("link", { name, exact: true });

/** The lead invites a reviewer, who signs up through the link and accepts. */
export async function addReviewer(browser: Browser, lead: Page, name: string): Promise<Page> {
  await section(lead, "Team").click();
  const email = uniqueEmail(name.toLowerCase());
  await lead.getByLabel("Email").fill(email);
  await lead.getByLabel("Role").selectOption("reviewer");
  await lead.getByRole("button", { name: "Send invitation" }).click();
  // The previous invitation's link stays on screen until this one's arrives.
  await expect(lead.getByText(`Invitation created for ${email}`)).toBeVisible();
  const link = await lead.getByLabel("Invitation link").inputValue();
  const page = await (await browser.newContext()).newPage();
  await page.goto(link);
  await page.getByRole("link", { name: "Create account" }).click();
  await submitSignUp(page, name, email);
  await expect(page).toHaveURL(/\/sign-in\?signedUp=1/);
  await submitSignIn(page, email);
  await page.getByRole("button", { name: "Accept invitation" }).click();
  await expect(section(page, "Screening")).toBeVisible();
  return page;
}

/** A file of e2e/fixtures. */
export const fixture = (name: string) => path.join(import.meta.dirname, "fixtures", name);

export interface NewReview {
  /** Reviewers each record needs at each stage (the form's default otherwise). */
  reviewers?: { title_abstract?: number; full_text?: number };
  question?: string;
}

/** Creates a review from the page's "New review" link and waits for its overview. */
export async function createReview(page: Page, title: string, options: NewReview = {}) {
  await page.getByRole("link", { name: "New review" }).first().click();
  await page.getByLabel("Title").fill(title);
  if (options.question) await page.getByLabel("Review question").fill(options.question);
  for (const [stage, n] of Object.entries(options.reviewers ?? {}))
    await page.locator(`#${stage}-reviewers`).fill(String(n));
  await page.getByRole("button", { name: "Create review" }).click();
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
}

// The Import screen lists imports and, below, the search log, whose rows also name each file.
export const importsTable = (page: Page) => page.getByRole("table", { name: "Imports" });

/** The imports table's row for a file. */
export const importRow = (page: Page, file: string) =>
  importsTable(page).getByRole("row", { name: new RegExp(path.basename(file).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")) });

/**
 * Sends a file from the given source from the Import screen (opened unless the page is on it, so what was typed
 * into the search log's fields stays), without waiting for it to be read.
 */
export async function startImport(page: Page, file: string, source = "PubMed") {
  if (!new URL(page.url()).pathname.endsWith("/import")) await section(page, "Import").click();
  await page.getByLabel("Source", { exact: true }).fill(source);
  await page.getByLabel("Files").setInputFiles(file);
  await page.getByRole("button", { name: "Import", exact: true }).click();
}

/** Imports a file from the given source and waits until it has been read. */
export async function importFile(page: Page, file: string, source = "PubMed", timeout = 30_000) {
  await startImport(page, file, source);
  await expect(importRow(page, file).getByText("Imported")).toBeVisible({ timeout });
}
