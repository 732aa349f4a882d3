// XMLHttpRequest rather than fetch: only it reports upload progress, which matters for files of many megabytes.

export class UploadError extends Error {}

function serverMessage(xhr: XMLHttpRequest): string | null {
  try {
    const body = JSON.parse(xhr.responseText) as { error?: unknown };
    return typeof body.error === "string" ? body.error : null;
  } catch {
    return null;
  }
}

/** Sends the file as the raw request body; resolves with the 201 response's text, rejects with a message for people. */
export function postFile(
  url: string,
  file: File,
  contentType: string,
  onProgress: (loaded: number) => void,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    xhr.setRequestHeader("Content-Type", contentType);
    xhr.upload.onprogress = (event) => onProgress(event.loaded);
    xhr.onload = () => {
      if (xhr.status === 201) return resolve(xhr.responseText);
      reject(new UploadError(serverMessage(xhr) ?? `The upload failed on the server (HTTP ${xhr.status}). Try again.`));
    };
    xhr.onerror = () => reject(new UploadError("The upload failed: the connection to the server was lost. Try again."));
    xhr.onabort = () => reject(new UploadError("The upload was cancelled."));
    xhr.send(file);
  });
}
