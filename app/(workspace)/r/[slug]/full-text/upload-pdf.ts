import { postFile } from "@/app/_lib/post-file";

/** Sends the PDF as the raw request body of the report's file route. */
export async function uploadPdf(
  file: File,
  target: { reviewId: string; reportId: string },
  onProgress: (loaded: number) => void,
): Promise<void> {
  const params = new URLSearchParams({ reviewId: target.reviewId, fileName: file.name });
  await postFile(
    `/api/reports/${encodeURIComponent(target.reportId)}/file?${params}`,
    file,
    "application/pdf",
    onProgress,
  );
}
