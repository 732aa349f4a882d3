// Text that a spreadsheet would run as a formula (=, +, -, @, or a leading tab / carriage return, per OWASP's
// CSV injection advice) gets a leading apostrophe, so an exported title like "=HYPERLINK(…)" stays text. Every
// table a spreadsheet may open goes through it (exports, the appraisal and extraction downloads), so it sits below
// all of them rather than in server/export.
const FORMULA_START = /^[=+\-@\t\r]/;

export function safeCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}
