// Streams an XML export and hands back one small element tree per record, so memory holds one record at a
// time however large the file. Shared by the PubMed XML and EndNote XML parsers.
//
// Records are cut out of the text by their tags and each is read by its own saxes parser. One parser for the
// whole file would be simpler, but saxes answers a stray close tag by closing every open element, so one
// malformed record would end the document; cut apart, it costs only itself.
import { SaxesParser, type SaxesTagPlain } from "saxes";
import { NotBibliographicError } from "../types";
import { countLineBreaks } from "./line-breaks";

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: (XmlElement | string)[];
}

export type XmlRecordEvent = { line: number; element: XmlElement } | { line: number; error: string };

export interface XmlRecordShape {
  formatName: string;
  /** Names the document element may have; any other document is not this format. */
  roots: readonly string[];
  /** Element names of a record; records do not nest. */
  records: readonly string[];
}

const MAX_DEPTH = 200;

/** Longest a file may run before its document element without being taken for something else. */
const MAX_PROLOG = 1 << 20;

export async function* xmlRecords(
  chunks: AsyncIterable<string>,
  shape: XmlRecordShape,
): AsyncGenerator<XmlRecordEvent> {
  const recordStart = new RegExp(`<(${shape.records.join("|")})(?=[\\s/>])`, "g");
  let buffer = "";
  let bufferLine = 1;
  let rootSeen = false;
  let open: { name: string; searchFrom: number } | null = null;
  const consume = (length: number) => {
    bufferLine += countLineBreaks(buffer, length);
    buffer = buffer.slice(length);
  };

  function* drain(final: boolean): Generator<XmlRecordEvent> {
    for (;;) {
      if (!rootSeen) {
        const root = documentElement(buffer);
        if (root === null) {
          if (final || buffer.length > MAX_PROLOG) throw new NotBibliographicError(`This is not ${shape.formatName}.`);
          return;
        }
        if (!shape.roots.includes(root)) throw new NotBibliographicError(`This is XML, but not ${shape.formatName}.`);
        rootSeen = true;
      }
      if (!open) {
        recordStart.lastIndex = 0;
        const start = recordStart.exec(buffer);
        if (!start) {
          // Keep a tail in case a start tag is split across chunks.
          consume(Math.max(0, buffer.length - 40));
          return;
        }
        consume(start.index);
        open = { name: start[1]!, searchFrom: 0 };
      }
      const end = recordEnd(buffer, open.name, open.searchFrom);
      if (end < 0) {
        if (final) {
          yield { line: bufferLine, error: "the file ends inside this record" };
          return;
        }
        open.searchFrom = Math.max(0, buffer.length - open.name.length - 3);
        return;
      }
      yield readRecord(buffer.slice(0, end), bufferLine);
      consume(end);
      open = null;
    }
  }

  let first = true;
  for await (const chunk of chunks) {
    // parseFile strips the byte-order mark; a parser called directly may still see one.
    buffer += first && chunk.charCodeAt(0) === 0xfeff ? chunk.slice(1) : chunk;
    if (chunk.length > 0) first = false;
    yield* drain(false);
  }
  yield* drain(true);
}

/** The document element's name once the prolog (declaration, comments, doctype) has been read; null before. */
function documentElement(text: string): string | null {
  let i = 0;
  for (;;) {
    while (i < text.length && /\s/.test(text[i]!)) i++;
    if (i >= text.length) return null;
    if (text[i] !== "<") throw new NotBibliographicError("This is not XML.");
    let next: number;
    if (text.startsWith("<?", i)) next = endOf(text, "?>", i);
    else if (text.startsWith("<!--", i)) next = endOf(text, "-->", i);
    else if (text.startsWith("<!", i)) next = doctypeEnd(text, i);
    else {
      const name = /^<([A-Za-z_][\w.:-]*)[\s/>]/.exec(text.slice(i, i + 300));
      if (name) return name[1]!;
      if (text.length - i < 300) return null;
      throw new NotBibliographicError("This is not XML.");
    }
    if (next < 0) return null;
    i = next;
  }
}

function endOf(text: string, terminator: string, from: number): number {
  const at = text.indexOf(terminator, from);
  return at < 0 ? -1 : at + terminator.length;
}

/** A doctype may hold an internal subset in brackets, itself full of '>'. */
function doctypeEnd(text: string, from: number): number {
  const bracket = text.indexOf("[", from);
  const close = text.indexOf(">", from);
  if (bracket < 0 || (close >= 0 && close < bracket)) return close < 0 ? -1 : close + 1;
  const subsetEnd = /\]\s*>/g;
  subsetEnd.lastIndex = bracket;
  const match = subsetEnd.exec(text);
  return match ? match.index + match[0].length : -1;
}

/** Index just past the record that starts the text, or -1 when its end is not in the text yet. */
function recordEnd(text: string, name: string, searchFrom: number): number {
  const startTagEnd = text.indexOf(">");
  if (startTagEnd < 0) return -1;
  if (text[startTagEnd - 1] === "/") return startTagEnd + 1;
  const closing = new RegExp(`</${name}\\s*>`, "g");
  closing.lastIndex = Math.max(searchFrom, startTagEnd);
  const match = closing.exec(text);
  return match ? match.index + match[0].length : -1;
}

function readRecord(text: string, line: number): XmlRecordEvent {
  const parser = new SaxesParser();
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  let error: string | null = null;

  const addText = (value: string) => stack.at(-1)?.children.push(value);
  parser.on("text", addText);
  parser.on("cdata", addText);
  parser.on("opentag", (tag: SaxesTagPlain) => {
    // The trees are walked recursively; no real record nests this deep.
    if (stack.length >= MAX_DEPTH) throw new Error(`elements nested more than ${MAX_DEPTH} deep`);
    const element: XmlElement = { name: tag.name, attributes: tag.attributes, children: [] };
    stack.at(-1)?.children.push(element);
    stack.push(element);
    root ??= element;
  });
  parser.on("closetag", () => stack.pop());
  parser.on("error", (err) => {
    // Entities declared in an external DTD (&nbsp; and friends) are not worth losing a record over.
    if (!/undefined entity/i.test(err.message)) error ??= err.message;
  });
  try {
    parser.write(text).close();
  } catch (err) {
    error ??= (err as Error).message;
  }
  if (error || !root) return { line, error: `malformed XML: ${error ?? "no element"}` };
  return { line, element: root };
}

export function childElements(element: XmlElement | undefined, name?: string): XmlElement[] {
  if (!element) return [];
  return element.children.filter(
    (c): c is XmlElement => typeof c !== "string" && (name === undefined || c.name === name),
  );
}

/** The elements reached by following a slash-separated path of child names, in document order. */
export function findAll(element: XmlElement | undefined, path: string): XmlElement[] {
  let level = element ? [element] : [];
  for (const name of path.split("/")) level = level.flatMap((e) => childElements(e, name));
  return level;
}

export function find(element: XmlElement | undefined, path: string): XmlElement | undefined {
  return findAll(element, path)[0];
}

/** All the text inside an element, inline markup (<i>, <sub>, <style>) flattened away. */
export function textOf(element: XmlElement | undefined): string {
  if (!element) return "";
  let text = "";
  for (const child of element.children) text += typeof child === "string" ? child : textOf(child);
  return text;
}

/**
 * Element paths (relative to the record) to their text, and "path@attribute" to attribute values. An element
 * holding text or inline markup is one value; any other element is descended into.
 */
export function flattenElement(
  element: XmlElement,
  isInline: (name: string) => boolean,
  add: (path: string, value: string) => void,
  prefix = "",
): void {
  for (const child of childElements(element)) {
    const path = prefix + child.name;
    for (const [name, value] of Object.entries(child.attributes)) add(`${path}@${name}`, value);
    const holdsText = child.children.some((c) => (typeof c === "string" ? c.trim() !== "" : isInline(c.name)));
    if (holdsText) add(path, textOf(child).replace(/\s+/g, " ").trim());
    else flattenElement(child, isInline, add, `${path}/`);
  }
}
