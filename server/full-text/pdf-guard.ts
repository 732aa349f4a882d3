// What makes an upload a PDF: its first bytes, not its name. Checked while the file streams to storage, so a
// wrong file is refused without being held in memory or kept.
import { Transform } from "node:stream";
import { AppError } from "../errors/app-error";

const SIGNATURE = Buffer.from("%PDF-", "latin1");

/** Whether the file's first bytes are the PDF signature `%PDF-` (ISO 32000 requires it at the very start). */
export function startsAsPdf(head: Uint8Array): boolean {
  return head.length >= SIGNATURE.length && SIGNATURE.every((byte, i) => head[i] === byte);
}

/** The largest full text one upload may be: SIFT_MAX_PDF_MB, 50 MB unless set. */
export function maxPdfBytes(): number {
  const mb = Number(process.env.SIFT_MAX_PDF_MB);
  return (Number.isFinite(mb) && mb > 0 ? mb : 50) * 1024 * 1024;
}

export function tooLargeMessage(max: number): string {
  return `This PDF is larger than the ${Math.round(max / 1048576)} MB limit.`;
}

/** Passes the bytes through, failing the stream as soon as they are not a PDF or exceed `max`. */
export function pdfGuard(max: number): Transform {
  let seen = 0;
  let head: Buffer | null = Buffer.alloc(0);
  const notPdf = () =>
    new AppError("INVALID_INPUT", "This file is not a PDF: its content does not start as a PDF does.");
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      seen += chunk.length;
      if (seen > max) return done(new AppError("INVALID_INPUT", tooLargeMessage(max)));
      if (head) {
        head = Buffer.concat([head, chunk]);
        if (head.length >= SIGNATURE.length) {
          if (!startsAsPdf(head)) return done(notPdf());
          head = null;
        } else if (!SIGNATURE.subarray(0, head.length).equals(head)) {
          return done(notPdf());
        }
      }
      done(null, chunk);
    },
    flush(done) {
      if (seen === 0) return done(new AppError("INVALID_INPUT", "This file is empty."));
      if (head) return done(notPdf());
      done();
    },
  });
}
