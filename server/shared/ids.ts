// The one way a row gets its id. UUIDv7 begins with the time in milliseconds, so ids sort in the order they were
// made: ORDER BY id is the order records were imported, and new rows go to the end of a primary-key index rather
// than anywhere in it. Within one millisecond the uuid package counts on from the previous id instead of drawing
// new random bits, so one process's ids keep their order however fast it makes them (ids that two processes make
// in the same millisecond have no order between them). Rows created through Prisma get the same kind of id from
// `@default(uuid(7))` in prisma/schema.prisma.
import { v7 } from "uuid";

export function newId(): string {
  return v7();
}
