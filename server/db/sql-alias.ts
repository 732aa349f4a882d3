// A fragment that reads a row of the statement it is embedded in names that row's alias as a parameter, never by
// a letter it assumes the statement chose. The alias goes into the text (it cannot be a parameter), so only a
// plain lower-case identifier is accepted.
import { Prisma } from "./generated/client.ts";

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/** `name` as SQL text, for a fragment's references to the row it is given; anything but an identifier throws. */
export function sqlAlias(name: string): Prisma.Sql {
  if (!IDENTIFIER.test(name)) throw new Error(`Not an SQL alias: ${JSON.stringify(name)}`);
  return Prisma.raw(name);
}
