// XMLHttpRequest rather than fetch: only it reports upload progress, which matters for files of many megabytes.

export interface UploadTarget {
  reviewId: string;
  source: string;
  sourceKind: string;
  /** Empty: the server detects the format from the file's content. */
  format: string;
}

export class UploadError extends Error {}

function serverMessage(xhr: XMLHttpRequest): string | null {
  try {
    const body = JSON.parse(xhr.responseText) as { error?: unknown };
    return typeof body.error === "string" ? body.error : null;
  } catch {
    return null;
  }
}

/** Sends the raw file as the request body; resolves with the new import's id, rejects with a message for people. */
export function uploadFile(file: File, target: UploadTarget, onProgress: (loaded: number) => void): Promise<string> {
  const params = new URLSearchParams({ fileName: file.name, source: target.source, sourceKind: target.sourceKind });
  if (target.format) params.set("format", target.format);
  const url = `/api/reviews/${encodeURIComponent(target.reviewId)}/imports?${params}`;

  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    xhr.setRequestHeader("Content-Type", "application/octet-stream");
    xhr.upload.onprogress = (event) => onProgress(event.loaded);
    xhr.onload = () => {
      if (xhr.status === 201) {
        const body = JSON.parse(xhr.responseText) as { importId: string };
        resolve(body.importId);
        return;
      }
      reject(new UploadError(serverMessage(xhr) ?? `The upload failed on the server (HTTP ${xhr.status}). Try again.`));
    };
    xhr.onerror = () => reject(new UploadError("The upload failed: the connection to the server was lost. Try again."));
    xhr.onabort = () => reject(new UploadError("The upload was cancelled."));
    xhr.send(file);
  });
}
