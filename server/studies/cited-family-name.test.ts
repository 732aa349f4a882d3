import { describe, expect, it } from "vitest";
import { citedFamilyName } from "./cited-family-name";

// Examples follow NLM's Citing Medicine (2nd ed., chapter 1, "Author (R)") and APA 7 (section 9.8): particles
// stay with the family name, spelled and capitalised as in the original.
describe("citedFamilyName", () => {
  it("keeps particles in 'Surname, Given' names", () => {
    expect(citedFamilyName("de Souza Batista, João")).toBe("de Souza Batista");
    expect(citedFamilyName("van der Berg, A. M.")).toBe("van der Berg");
    expect(citedFamilyName("von Hippel, Eric")).toBe("von Hippel");
    expect(citedFamilyName("Le Gall, F.")).toBe("Le Gall");
    expect(citedFamilyName("dos Santos, R.")).toBe("dos Santos");
    expect(citedFamilyName("MacDonald, R.")).toBe("MacDonald");
    expect(citedFamilyName("Petrou, P.")).toBe("Petrou");
  });

  it("keeps particles in MEDLINE's 'Surname Initials' names, and leaves out generational suffixes", () => {
    expect(citedFamilyName("de Souza Batista J")).toBe("de Souza Batista");
    expect(citedFamilyName("da Silva MA")).toBe("da Silva");
    expect(citedFamilyName("di Pietro G.")).toBe("di Pietro");
    expect(citedFamilyName("McArthur JC Jr")).toBe("McArthur");
    expect(citedFamilyName("Kim H-J")).toBe("Kim");
  });

  it("takes the last word of a given-first name, with the particles written before it", () => {
    expect(citedFamilyName("João de Souza Batista")).toBe("de Souza Batista");
    expect(citedFamilyName("Maria la Rosa")).toBe("la Rosa");
    expect(citedFamilyName("Ludwig van Beethoven")).toBe("van Beethoven");
    expect(citedFamilyName("Jonathan D. Glass")).toBe("Glass");
    expect(citedFamilyName("Ana Maria Costa")).toBe("Costa");
  });

  it("finds no name in punctuation alone", () => {
    expect(citedFamilyName(" , ")).toBeNull();
  });
});
