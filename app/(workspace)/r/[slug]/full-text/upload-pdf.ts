// XMLHttpRequest rather than fetch: only it reports upload progress, which matters for a PDF of many megabytes.

export class UploadError extends Error {}

function serverMessage(xhr: XMLHttpRequest): string | null {
  try {
    const body = JSON.parse(xhr.responseText) as { error?: unknown };
    return typeof body.error === "string" ? body.error : null;
  } catch {
    return null;
  }
}

/** Sends the PDF as the raw request body; rejects with a message for people. */
export function uploadPdf(file: File, target: { reviewId: string; reportId: string }, onProgress: (loaded: number) => void): Promise<void> {
  const params = new URLSearchParams({ reviewId: target.reviewId, fileName: file.name });
  const url = `/api/reports/${encodeURIComponent(target.reportId)}/file?${params}`;
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    xhr.setRequestHeader("Content-Type", "application/pdf");
    xhr.upload.onprogress = (event) => onProgress(event.loaded);
    xhr.onload = () => {
      if (xhr.status === 201) return resolve();
      reject(new UploadError(serverMessage(xhr) ?? `The upload failed on the server (HTTP ${xhr.status}). Try again.`));
    };
    xhr.onerror = () => reject(new UploadError("The upload failed: the connection to the server was lost. Try again."));
    xhr.onabort = () => reject(new UploadError("The upload was cancelled."));
    xhr.send(file);
  });
}
