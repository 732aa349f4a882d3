// Encodes values for PostgreSQL's COPY … FROM STDIN in text format. Pure, so it can be tested byte for byte.

type CopyValue = string | number | null | string[];

function escapeText(value: string): string {
  // NUL cannot be stored in PostgreSQL text at all; the other characters would end the field or the row.
  return value
    .replace(/\u0000/g, "")
    .replace(/[\\\n\r\t]/g, (c) => ({ "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t" })[c]!);
}

/** An array literal ({"a","b"}) with its own quoting, which the text escaping then wraps. */
function arrayLiteral(items: string[]): string {
  return `{${items.map((item) => `"${item.replace(/\u0000/g, "").replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(",")}}`;
}

export function copyLine(values: CopyValue[]): string {
  return (
    values
      .map((v) => (v === null ? "\\N" : Array.isArray(v) ? escapeText(arrayLiteral(v)) : escapeText(String(v))))
      .join("\t") + "\n"
  );
}
