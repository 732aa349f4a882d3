import { postFile } from "@/app/_lib/post-file";

export interface UploadTarget {
  reviewId: string;
  source: string;
  sourceKind: string;
  /** Empty: the server detects the format from the file's content. */
  format: string;
}

/** Sends the raw file as the request body; resolves with the new import's id. */
export async function uploadFile(
  file: File,
  target: UploadTarget,
  onProgress: (loaded: number) => void,
): Promise<string> {
  const params = new URLSearchParams({ fileName: file.name, source: target.source, sourceKind: target.sourceKind });
  if (target.format) params.set("format", target.format);
  const url = `/api/reviews/${encodeURIComponent(target.reviewId)}/imports?${params}`;
  const body = JSON.parse(await postFile(url, file, "application/octet-stream", onProgress)) as { importId: string };
  return body.importId;
}
