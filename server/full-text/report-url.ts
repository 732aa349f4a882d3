// A full text given as a link: a web address a colleague can open, nothing else.
import { AppError } from "../errors/app-error";

/** The normalised http(s) address, or an AppError that says what is wrong with it. */
export function parseReportUrl(input: string): string {
  const text = input.trim();
  if (!text) throw new AppError("INVALID_INPUT", "Enter the address of the full text.");
  if (text.length > 2000) throw new AppError("INVALID_INPUT", "This address is too long (at most 2,000 characters).");
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new AppError("INVALID_INPUT", "This is not a web address; it should start with https:// or http://.");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new AppError("INVALID_INPUT", "Only web addresses (https:// or http://) can be saved as a full-text link.");
  }
  if (!url.hostname) throw new AppError("INVALID_INPUT", "This address has no site name.");
  // A password in a saved link would be shown to every member of the review.
  if (url.username || url.password)
    throw new AppError("INVALID_INPUT", "Remove the user name and password from this address.");
  return url.href;
}
