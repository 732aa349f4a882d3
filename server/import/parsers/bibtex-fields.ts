// Reads one BibTeX block into its type, key and fields, tolerantly: field names with spaces (Scopus writes
// "funding_text 1"), missing commas and stray text do not lose the entry, as they do in strict parsers.
// Values stay BibTeX source here; turning LaTeX into text is bibtex-latex.ts's job.

export interface BibtexField {
  /** Lower case, inner spaces as '_'. */
  name: string;
  /** The value's source with @string macros expanded and the outer delimiters removed. */
  value: string;
}

export interface BibtexEntry {
  type: string;
  key: string;
  fields: BibtexField[];
  /** A value ran to the end of the block without its closing brace or quote. */
  truncated: boolean;
}

const HEAD = /^@\s*([A-Za-z][\w:-]*)\s*([{(])/;

export function readEntry(text: string, macros: ReadonlyMap<string, string>): BibtexEntry | null {
  const head = HEAD.exec(text);
  if (!head) return null;
  const closer = head[2] === "{" ? "}" : ")";
  const reader = new Reader(text, head[0].length, closer);
  const entry: BibtexEntry = { type: head[1]!.toLowerCase(), key: reader.readKey(), fields: [], truncated: false };

  for (;;) {
    reader.skip(/[\s,]/);
    if (reader.atEnd()) break;
    const name = reader.readName();
    if (name === null) {
      reader.skipPastComma();
      continue;
    }
    const value = reader.readValue(macros);
    if (value === null) {
      entry.truncated = true;
      break;
    }
    if (name) entry.fields.push({ name, value });
  }
  return entry;
}

class Reader {
  constructor(
    private readonly text: string,
    private at: number,
    private readonly closer: string,
  ) {}

  atEnd(): boolean {
    return this.at >= this.text.length || this.text[this.at] === this.closer;
  }

  skip(chars: RegExp): void {
    while (this.at < this.text.length && chars.test(this.text[this.at]!)) this.at++;
  }

  /** The citation key, or "" when the block starts with a field (@string) or has no key. */
  readKey(): string {
    this.skip(/\s/);
    const match = /^[^\s,={}()"]*/.exec(this.text.slice(this.at, this.at + 1000))![0];
    if (/^\s*=/.test(this.text.slice(this.at + match.length, this.at + match.length + 200))) return "";
    this.at += match.length;
    return match;
  }

  /** A field name up to its '=', or null when what follows is not "name =". */
  readName(): string | null {
    const match = /^([^=,{}"()]*)=/.exec(this.text.slice(this.at, this.at + 1000));
    if (!match) return null;
    this.at += match[0].length;
    return match[1]!.trim().replace(/\s+/g, "_").toLowerCase();
  }

  skipPastComma(): void {
    let depth = 0;
    for (; this.at < this.text.length; this.at++) {
      const c = this.text[this.at];
      if (c === "{") depth++;
      else if (c === "}" && depth > 0) depth--;
      else if (depth === 0 && (c === "," || c === this.closer)) break;
    }
    if (this.text[this.at] === ",") this.at++;
  }

  /** The value's pieces joined ('#'), macros expanded; null when a piece never closes. */
  readValue(macros: ReadonlyMap<string, string>): string | null {
    let value = "";
    for (;;) {
      this.skip(/\s/);
      const c = this.text[this.at];
      if (c === "{" || c === '"') {
        const piece = this.readDelimited(c === "{" ? "}" : '"');
        if (piece === null) return null;
        value += piece;
      } else {
        // A number, or a macro: an @string, or a built-in month ("aug"), which stays as its name.
        const bare = /^[^\s,#{}"()]+/.exec(this.text.slice(this.at, this.at + 1000))?.[0] ?? "";
        this.at += bare.length;
        value += macros.get(bare.toLowerCase()) ?? bare;
      }
      this.skip(/\s/);
      if (this.text[this.at] !== "#") break;
      this.at++;
    }
    return value;
  }

  private readDelimited(end: string): string | null {
    const start = ++this.at;
    let depth = 0;
    for (; this.at < this.text.length; this.at++) {
      const c = this.text[this.at];
      if (c === "\\") this.at++;
      else if (c === "{") depth++;
      else if (c === "}" && depth > 0) depth--;
      else if (c === end && depth === 0) return this.text.slice(start, this.at++);
    }
    return null;
  }
}
