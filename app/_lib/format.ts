const DATE = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric" });

export function formatDate(date: Date): string {
  return DATE.format(date);
}

const DATE_TIME = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
});

/** For events that happen several times a day, such as imports and decisions. */
export function formatDateTime(date: Date): string {
  return DATE_TIME.format(date);
}

const TIME = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit" });

export function formatTime(date: Date): string {
  return TIME.format(date);
}

const COUNT = new Intl.NumberFormat("en-GB");

export function formatCount(n: number): string {
  return COUNT.format(n);
}

/** "1 record", "2 records": for nouns whose plural just adds an s. */
export function plural(n: number, noun: string): string {
  return `${COUNT.format(n)} ${noun}${n === 1 ? "" : "s"}`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  if (bytes < 1024 * 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${(bytes / 1024 / 1024 / 1024).toFixed(2)} GB`;
}
