// Line splitting shared by the tagged text formats (RIS, MEDLINE, Web of Science).

/**
 * Splits decoded text chunks into lines, one batch per chunk, so a parser loops synchronously and pays for one
 * await per chunk rather than one per line. Exporters mix \r\n, \n and a lone \r (old Mac and some WoS
 * exports), and a chunk can end between the \r and the \n of one break. The pieces of a line that spans
 * chunks are kept in a list and joined once, so a megabyte-long line costs linear time.
 */
export async function* lineBatches(chunks: AsyncIterable<string>): AsyncGenerator<string[]> {
  const lineBreak = /\r\n?|\n/g;
  let pieces: string[] = [];
  let afterCarriageReturn = false;
  let atStart = true;
  for await (const chunk of chunks) {
    let start = 0;
    if (atStart && chunk.length > 0) {
      // parseFile strips the byte-order mark; a parser called directly may still see one.
      if (chunk.charCodeAt(0) === 0xfeff) start = 1;
      atStart = false;
    }
    if (afterCarriageReturn && chunk.charCodeAt(start) === 10) start++;
    if (chunk.length > 0) afterCarriageReturn = false;

    const lines: string[] = [];
    lineBreak.lastIndex = start;
    for (let m = lineBreak.exec(chunk); m; m = lineBreak.exec(chunk)) {
      const piece = chunk.slice(start, m.index);
      lines.push(pieces.length > 0 ? pieces.join("") + piece : piece);
      pieces = [];
      start = m.index + m[0].length;
      afterCarriageReturn = m[0] === "\r" && start === chunk.length;
    }
    if (start < chunk.length) pieces.push(chunk.slice(start));
    if (lines.length > 0) yield lines;
  }
  if (pieces.length > 0) yield [pieces.join("")];
}
