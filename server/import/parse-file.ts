// An uploaded file of any supported format as a stream of records: decoded as it is read, its format judged from
// its first 64 KB (unless the user chose one), then handed, head first, to that format's parser.
import { detectFormat } from "./detect";
import { parseBibtex } from "./parsers/bibtex";
import { parseCtgovCsv, parseCtgovJson } from "./parsers/ctgov";
import { parseCsv, parseTsv } from "./parsers/delimited";
import { parseEndnoteXml } from "./parsers/endnote-xml";
import { parseMedline } from "./parsers/medline";
import { parsePubmedXml } from "./parsers/pubmed-xml";
import { parseRis } from "./parsers/ris";
import { parseWos } from "./parsers/wos";
import { type Format, NotBibliographicError, type ParseEvent, type Parser } from "./types";

const PARSERS: Record<Format, Parser> = {
  ris: parseRis,
  medline: parseMedline,
  wos: parseWos,
  "pubmed-xml": parsePubmedXml,
  "endnote-xml": parseEndnoteXml,
  bibtex: parseBibtex,
  csv: parseCsv,
  tsv: parseTsv,
  "ctgov-json": parseCtgovJson,
  "ctgov-csv": parseCtgovCsv,
};

const HEAD_BYTES = 64 * 1024;

export const NOT_BIBLIOGRAPHIC =
  "This file is not a bibliographic export Sift can read (RIS, MEDLINE, PubMed XML, EndNote XML, BibTeX, CSV/TSV, Web of Science, ClinicalTrials.gov).";

export async function parseFile(
  input: AsyncIterable<Buffer | string> | NodeJS.ReadableStream,
  options: { format?: Format; fileName?: string } = {},
): Promise<{ format: Format; events: AsyncGenerator<ParseEvent> }> {
  const source = (input as AsyncIterable<Buffer | string>)[Symbol.asyncIterator]();
  const headChunks: Uint8Array[] = [];
  let headSize = 0;
  let ended = false;
  while (headSize < HEAD_BYTES) {
    const next = await source.next();
    if (next.done) {
      ended = true;
      break;
    }
    const bytes = toBytes(next.value);
    headChunks.push(bytes);
    headSize += bytes.length;
  }

  const headBytes = Buffer.concat(headChunks);
  const decoder = new TextDecoder(encodingOf(headBytes), { ignoreBOM: true });
  let head = decoder.decode(headBytes, { stream: true });
  if (head.charCodeAt(0) === 0xfeff) head = head.slice(1);

  const format = options.format ?? detectFormat(head, options.fileName);
  if (!format) {
    if (!ended) await source.return?.();
    throw new NotBibliographicError(NOT_BIBLIOGRAPHIC);
  }

  async function* text(): AsyncGenerator<string> {
    try {
      if (head) yield withoutNul(head);
      while (!ended) {
        const next = await source.next();
        if (next.done) ended = true;
        else yield withoutNul(decoder.decode(toBytes(next.value), { stream: true }));
      }
      const tail = decoder.decode();
      if (tail) yield withoutNul(tail);
    } finally {
      // The reader stopped early (an error, or the caller gave up): release the file.
      if (!ended) await source.return?.();
    }
  }

  return { format, events: PARSERS[format](text()) };
}

function toBytes(chunk: Buffer | string | Uint8Array): Uint8Array {
  return typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk;
}

/**
 * UTF-8 unless the head says otherwise: a UTF-16 byte-order mark, or bytes that are not valid UTF-8, which
 * in exports from Windows tools means windows-1252. A sequence cut at the end of the head is not an error.
 */
function encodingOf(head: Uint8Array): string {
  if (head[0] === 0xff && head[1] === 0xfe) return "utf-16le";
  if (head[0] === 0xfe && head[1] === 0xff) return "utf-16be";
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(head, { stream: true });
    return "utf-8";
  } catch {
    return "windows-1252";
  }
}

/** PostgreSQL can store NUL neither in text nor in jsonb, and no export means one; damaged files have them. */
function withoutNul(text: string): string {
  return text.includes("\0") ? text.replaceAll("\0", "") : text;
}
