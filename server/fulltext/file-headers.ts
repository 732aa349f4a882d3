// Headers for serving a stored PDF inline, in an iframe of Sift's own pages and nowhere else.

/** A file name safe inside a quoted header value, keeping the original (UTF-8) name for browsers that read it. */
export function inlineDisposition(fileName: string | null): string {
  const name = (fileName ?? "").replace(/[\u0000-\u001f\u007f]/g, "").trim() || "full-text.pdf";
  const withExt = /\.pdf$/i.test(name) ? name : `${name}.pdf`;
  const ascii = withExt.normalize("NFKD").replace(/[^\x20-\x7e]/g, "").replace(/["\\;]/g, "_").trim() || "full-text.pdf";
  const encoded = encodeURIComponent(withExt).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `inline; filename="${ascii}"; filename*=UTF-8''${encoded}`;
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
