// Counting line breaks the way a text editor numbers lines: \r\n, \n and a lone \r each end one line.

export function countLineBreaks(text: string, end = text.length): number {
  let count = 0;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) count++;
  }
  return count;
}
