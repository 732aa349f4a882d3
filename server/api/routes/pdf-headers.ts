// Headers for serving a stored PDF inline, in an iframe of Sift's own pages and nowhere else.
import { disposition } from "../download";

/** The PDF's own name where it has one, always ending in .pdf. */
export function inlineDisposition(fileName: string | null): string {
  const name = (fileName ?? "").replace(/[\u0000-\u001f\u007f]/g, "").trim() || "full-text.pdf";
  return disposition(/\.pdf$/i.test(name) ? name : `${name}.pdf`, "inline");
}

export function pdfHeaders(fileName: string | null, byteSize: number | null): Headers {
  const headers = new Headers({
    "Content-Type": "application/pdf",
    "Content-Disposition": inlineDisposition(fileName),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "SAMEORIGIN",
    "Cross-Origin-Resource-Policy": "same-origin",
    // Members only: no shared cache may keep it, and a removed member's browser must ask again.
    "Cache-Control": "private, no-cache",
  });
  if (byteSize !== null) headers.set("Content-Length", String(byteSize));
  return headers;
}
