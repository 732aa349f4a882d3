// The fields of one record of a tagged text format (RIS, MEDLINE, Web of Science), in file order.

interface Field {
  tag: string;
  lines: string[];
}

export class TaggedFields {
  private readonly fields: Field[] = [];
  private readonly byTag = new Map<string, Field[]>();

  /**
   * @param line 1-based line where the record starts, for its event.
   * @param joiner how the lines of one multi-line value are joined: "\n" where the exporter broke lines on
   *   purpose (RIS), " " where it wrapped long values (MEDLINE, Web of Science).
   */
  constructor(
    readonly line: number,
    private readonly joiner: string,
  ) {}

  add(tag: string, value: string): void {
    const field = { tag, lines: value ? [value] : [] };
    this.fields.push(field);
    const same = this.byTag.get(tag);
    if (same) same.push(field);
    else this.byTag.set(tag, [field]);
  }

  /** Continues the last field's value on a new line. */
  extend(text: string): void {
    this.fields.at(-1)?.lines.push(text);
  }

  /** The values of these tags in file order (interleaved as in the file when several tags are given). */
  values(...tags: string[]): string[] {
    const fields =
      tags.length === 1 ? (this.byTag.get(tags[0]!) ?? []) : this.fields.filter((f) => tags.includes(f.tag));
    return fields.map((field) => field.lines.join(this.joiner));
  }

  /** The first value that is not blank, trying the tags in the order given (a preference, not file order). */
  first(...tags: string[]): string {
    for (const tag of tags) {
      for (const field of this.byTag.get(tag) ?? []) {
        const value = field.lines.join(this.joiner).trim();
        if (value) return value;
      }
    }
    return "";
  }

  /** Every value of every field, for searches across the whole record (NCT ids). */
  allValues(): string[] {
    return this.fields.map((field) => field.lines.join(this.joiner));
  }

  /** Tag → value, or values in file order when the tag repeats. */
  raw(): Record<string, string | string[]> {
    const raw: Record<string, string | string[]> = {};
    for (const field of this.fields) {
      const value = field.lines.join(this.joiner);
      const seen = raw[field.tag];
      if (seen === undefined) raw[field.tag] = value;
      else if (Array.isArray(seen)) seen.push(value);
      else raw[field.tag] = [seen, value];
    }
    return raw;
  }
}
