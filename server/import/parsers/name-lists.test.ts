import { describe, expect, it } from "vitest";
import { splitAuthors, splitKeywords } from "./name-lists";

describe("splitAuthors", () => {
  it.each([
    ["Yang, Z.; Jiang, B.; McNamara, M.E.", ["Yang, Z.", "Jiang, B.", "McNamara, M.E."]],
    ["Barrett, Paul M; Willis, Katherine J; ", ["Barrett, Paul M", "Willis, Katherine J"]],
    ["Yang, Z. and Jiang, B. and McNamara, M.E.", ["Yang, Z.", "Jiang, B.", "McNamara, M.E."]],
    ["Longrich, N.R.\n and Pereda-Suberbiola, X.\n", ["Longrich, N.R.", "Pereda-Suberbiola, X."]],
    ["Griffin DK, Larkin DM, O'Connor RE.", ["Griffin, DK", "Larkin, DM", "O'Connor, RE"]],
    [
      "Yang Z., Jiang B., Xu J., McNamara M.E., Jalil N.-E.",
      ["Yang, Z.", "Jiang, B.", "Xu, J.", "McNamara, M.E.", "Jalil, N.-E."],
    ],
    ["Peñalver E, Pérez-de la Fuente R.", ["Peñalver, E", "Pérez-de la Fuente, R"]],
    ["Wilson, Lauren N. (58975547800); Gardner, Jacob D. (57190394669)", ["Wilson, Lauren N.", "Gardner, Jacob D."]],
    ["['Marx, Karl', 'Lindgren, Astrid']", ["Marx, Karl", "Lindgren, Astrid"]],
    ["Björn A. Blomberg; Mateen Moghbel", ["Björn A. Blomberg", "Mateen Moghbel"]],
    // One "Surname, Given" name holds a comma too: it must not be split.
    ["Cole, Lynette K.", ["Cole, Lynette K."]],
    ["Rotter, Carina", ["Rotter, Carina"]],
    ["Griffin DK", ["Griffin, DK"]],
  ])("%j", (cell, names) => {
    expect(splitAuthors(cell)).toEqual(names);
  });

  it("uses a separator the column is known for", () => {
    expect(splitAuthors("Alba Vicente|Josep Sanjuan", "|")).toEqual(["Alba Vicente", "Josep Sanjuan"]);
  });
});

describe("splitKeywords", () => {
  it.each([
    ["keratin;melanin; animal scales", ["keratin", "melanin", "animal scales"]],
    ["phosphate,Africa,animal", ["phosphate", "Africa", "animal"]],
    ["cyst (diagnosis, surgery), colonoscopy", ["cyst (diagnosis, surgery)", "colonoscopy"]],
    [
      "Conduct Disorder [*prevention & control, psychology]; Wales",
      ["Conduct Disorder [*prevention & control, psychology]", "Wales"],
    ],
    ["Archipelago|Aptian", ["Archipelago", "Aptian"]],
    ["['Pippi', 'Nordwind']", ["Pippi", "Nordwind"]],
  ])("%j", (cell, keywords) => {
    expect(splitKeywords(cell)).toEqual(keywords);
  });
});
