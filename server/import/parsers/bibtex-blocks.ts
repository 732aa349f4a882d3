// Cuts a BibTeX stream into its top-level @blocks (entries, @string, @comment, @preamble), so each entry can be
// parsed on its own and memory holds one entry at a time.
import { lineBatches } from "./lines";

export interface BibtexBlock {
  /** Lower-cased block type: "article", "string", "comment", … */
  type: string;
  text: string;
  /** 1-based line of the '@'. */
  line: number;
  /** False when the file, or the next entry, began before this block's closing brace. */
  closed: boolean;
}

const BLOCK_HEAD = /@\s*([A-Za-z][\w:-]*)\s*([{(])/y;
// An entry head at the very start of a line, inside a block that never closed: the block lost its closing
// brace. Ending it there confines the damage to that one entry instead of swallowing the rest of the file.
const HEAD_AT_LINE_START = /^@\s*[A-Za-z][\w:-]*\s*[{(]/;

interface OpenBlock {
  type: string;
  line: number;
  /** '}' or ')': which bracket ends this block. */
  closer: string;
  depth: number;
  inQuote: boolean;
  parts: string[];
}

export async function* bibtexBlocks(chunks: AsyncIterable<string>): AsyncGenerator<BibtexBlock> {
  let lineNumber = 0;
  let open: OpenBlock | null = null;
  const finish = (block: OpenBlock, closed: boolean): BibtexBlock => ({
    type: block.type,
    text: block.parts.join("\n"),
    line: block.line,
    closed,
  });

  for await (const lines of lineBatches(chunks)) {
    for (const text of lines) {
      lineNumber++;
      if (open && HEAD_AT_LINE_START.test(text)) {
        yield finish(open, false);
        open = null;
      }
      // Outside entries everything is commentary; a '%' line may even mention "@article{".
      if (!open && /^\s*%/.test(text)) continue;
      let from = 0;
      let start = 0;
      while (from < text.length) {
        if (!open) {
          const at = text.indexOf("@", from);
          if (at < 0) break;
          BLOCK_HEAD.lastIndex = at;
          const head = BLOCK_HEAD.exec(text);
          if (!head) {
            from = at + 1;
            continue;
          }
          const brace = head[2] === "{";
          const type = head[1]!.toLowerCase();
          open = { type, line: lineNumber, closer: brace ? "}" : ")", depth: brace ? 1 : 0, inQuote: false, parts: [] };
          start = at;
          from = at + head[0].length;
        }
        const end = scanToClose(open, text, from);
        if (end < 0) {
          open.parts.push(text.slice(start));
          break;
        }
        open.parts.push(text.slice(start, end));
        yield finish(open, true);
        open = null;
        from = end;
      }
    }
  }
  if (open) yield finish(open, false);
}

/** Index just past the block's closing bracket in this line, or -1 when the block goes on past the line. */
function scanToClose(block: OpenBlock, text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === "\\") {
      i++; // an escaped brace or quote does not count
    } else if (c === "{") {
      block.depth++;
    } else if (c === "}") {
      block.depth--;
      if (block.closer === "}" && block.depth === 0) return i + 1;
      if (block.depth < 0) block.depth = 0;
    } else if (block.closer === ")" && block.depth === 0) {
      if (c === '"') block.inQuote = !block.inQuote;
      else if (c === ")" && !block.inQuote) return i + 1;
    }
  }
  return -1;
}
