// Splits a ClinicalTrials.gov API v2 JSON download into its studies without parsing the whole file: a 500 MB
// {"studies": [...]} would not fit in memory as one object. The splitter tracks only strings, escapes and
// nesting depth, cuts out each element of the top-level "studies" array (or of a top-level array) as text,
// and JSON.parse reads one study at a time. A single-study document ({"protocolSection": …}) is one study.
import { NotBibliographicError } from "../types";

export type StudyItem = { line: number; study: unknown } | { line: number; error: string };

interface Capture {
  pieces: string[];
  /** Depth at which the captured value sits; it ends at the next ',' or closing bracket at this depth. */
  level: number;
  line: number;
  /** Root key whose value this is; null for an element of the studies array or of a root array. */
  key: string | null;
}

class StudySplitter {
  private depth = 0;
  private inString = false;
  private escaped = false;
  private line = 1;
  private root: "object" | "array" | null = null;
  private expectKey = false;
  private keyPieces: string[] | null = null;
  private key: string | null = null;
  private inStudies = false;
  private sawStudies = false;
  private capture: Capture | null = null;
  /** The root object's other values, as text: a single study's sections, or a page token. */
  readonly rootValues = new Map<string, string>();
  readonly items: StudyItem[] = [];

  push(chunk: string): void {
    let captureFrom = 0;
    let keyFrom = 0;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i]!;
      if (c === "\n") this.line++;
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === "\\") this.escaped = true;
        else if (c === '"') {
          this.inString = false;
          if (this.keyPieces) {
            this.keyPieces.push(chunk.slice(keyFrom, i));
            this.key = JSON.parse(`"${this.keyPieces.join("")}"`) as string;
            this.keyPieces = null;
            this.expectKey = false;
          }
        }
        continue;
      }
      if (c === " " || c === "\t" || c === "\n" || c === "\r") continue;
      if (this.root === null) {
        if (c === "{") this.root = "object";
        else if (c === "[") this.root = "array";
        else throw new NotBibliographicError("This is not JSON.");
        this.depth = 1;
        this.expectKey = this.root === "object";
        continue;
      }
      const capture = this.capture;
      if (capture && capture.level === this.depth && (c === "," || c === "}" || c === "]")) {
        capture.pieces.push(chunk.slice(captureFrom, i));
        this.finish(capture);
        this.capture = null;
      }
      if (!this.capture && this.startsValue(c)) {
        if (this.key === "studies" && this.depth === 1 && c === "[") {
          this.inStudies = true;
          this.sawStudies = true;
        } else {
          const key = this.depth === 1 && this.root === "object" ? this.key : null;
          this.capture = { pieces: [], level: this.depth, line: this.line, key };
          captureFrom = i;
        }
      }
      if (c === '"') {
        this.inString = true;
        if (this.expectKey && this.depth === 1) {
          this.keyPieces = [];
          keyFrom = i + 1;
        }
      } else if (c === "{" || c === "[") {
        this.depth++;
      } else if (c === "}" || c === "]") {
        this.depth--;
        if (this.inStudies && this.depth === 1) this.inStudies = false;
      } else if (c === "," && this.depth === 1 && this.root === "object") {
        this.expectKey = true;
      }
    }
    if (this.capture) this.capture.pieces.push(chunk.slice(captureFrom));
    if (this.keyPieces) this.keyPieces.push(chunk.slice(keyFrom));
  }

  /** Whether this character begins a value the splitter keeps: a study, or a root value. */
  private startsValue(c: string): boolean {
    if (c === "," || c === ":" || c === "}" || c === "]") return false;
    if (this.root === "array") return this.depth === 1;
    if (this.inStudies) return this.depth === 2;
    return this.depth === 1 && !this.expectKey && !this.keyPieces;
  }

  private finish(capture: Capture): void {
    const text = capture.pieces.join("");
    if (capture.key !== null) {
      this.rootValues.set(capture.key, text);
      return;
    }
    try {
      this.items.push({ line: capture.line, study: JSON.parse(text) });
    } catch (err) {
      this.items.push({ line: capture.line, error: `unreadable study: ${(err as Error).message}` });
    }
  }

  end(): void {
    if (this.root === null) throw new NotBibliographicError("The file is empty.");
    if (this.capture) {
      this.items.push({ line: this.capture.line, error: "the file ends inside this study" });
      this.capture = null;
    }
    if (this.root === "array" || this.sawStudies) return;
    if (!this.rootValues.has("protocolSection")) {
      throw new NotBibliographicError("This JSON is not a ClinicalTrials.gov study or list of studies.");
    }
    try {
      const study = Object.fromEntries([...this.rootValues].map(([key, text]) => [key, JSON.parse(text)]));
      this.items.push({ line: 1, study });
    } catch (err) {
      this.items.push({ line: 1, error: `unreadable study: ${(err as Error).message}` });
    }
  }
}

export async function* ctgovStudies(chunks: AsyncIterable<string>): AsyncGenerator<StudyItem> {
  const splitter = new StudySplitter();
  let first = true;
  for await (const chunk of chunks) {
    // parseFile strips the byte-order mark; a parser called directly may still see one.
    splitter.push(first && chunk.charCodeAt(0) === 0xfeff ? chunk.slice(1) : chunk);
    if (chunk.length > 0) first = false;
    yield* splitter.items.splice(0);
  }
  splitter.end();
  yield* splitter.items.splice(0);
}
