// Every file Sift hands out is named by one Content-Disposition (RFC 6266, through the content-disposition
// package): the exact name, in any script, for browsers that read `filename*`, and a plain ASCII one for the rest.
import contentDisposition from "content-disposition";

/**
 * Nothing in a name can break out of the header: control characters go, and path separators, which the package
 * would read as folders, become dashes. The ASCII name keeps letters without their accents. No name, no filename.
 */
export function disposition(fileName: string, type: "attachment" | "inline" = "attachment"): string {
  const name = fileName
    .replace(/[\u0000-\u001f\u007f]/g, "")
    .replace(/[/\\]/g, "-")
    .trim();
  const ascii = name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/[^\x20-\x7e]/g, "_")
    .replace(/["\\;]/g, "_");
  return contentDisposition(name || undefined, { type, fallback: ascii });
}

export interface DownloadFile {
  contentType: string;
  fileName: string;
  byteSize?: number | bigint | null;
}

/** A file to save, never kept by a cache: what is in it depends on who asked and when. */
export function download(body: BodyInit, file: DownloadFile): Response {
  const headers = new Headers({
    "content-type": file.contentType,
    "content-disposition": disposition(file.fileName),
    "cache-control": "no-store",
  });
  if (file.byteSize != null) headers.set("content-length", String(file.byteSize));
  return new Response(body, { headers });
}
