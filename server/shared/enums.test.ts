import { describe, expect, it } from "vitest";
import { Role as DbRole, Stage as DbStage } from "../db/generated/enums.ts";
import { ROLES, type Role } from "./roles";
import { STAGES, type Stage } from "./stages";

// The kernel's stage and role lists are written out so the screens can use them without the database client; these
// tests fail when a migration adds or renames a value in the database's enums without the kernel following.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const stagesMatch: Same<Stage, DbStage> = true;
const rolesMatch: Same<Role, DbRole> = true;

describe("the kernel's stages and roles", () => {
  it("are the database's enum values, in the order the tool ranks them", () => {
    expect([...STAGES].sort()).toEqual(Object.values(DbStage).sort());
    expect([...ROLES].sort()).toEqual(Object.values(DbRole).sort());
    expect(stagesMatch && rolesMatch).toBe(true);
  });
});
