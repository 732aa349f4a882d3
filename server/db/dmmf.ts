// The datamodel of a Prisma schema, read by Prisma's own schema parser (shipped as WebAssembly on npm).
import { get_dmmf } from "@prisma/prisma-schema-wasm";
import type { Datamodel } from "./expected-catalog";

export function getDMMF(prismaSchema: string): Datamodel {
  return JSON.parse(get_dmmf(JSON.stringify({ prismaSchema }))).datamodel as Datamodel;
}
