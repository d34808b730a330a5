import { describe, expect, it } from "vitest";
import { mentionCandidates, mentionQuery, mentionsInText } from "./mention-query";

const people = [
  { id: "1", name: "Ana Lee" },
  { id: "2", name: "Ben Sales" },
  { id: "3", name: "Bea Cole" },
];

describe("mentionQuery", () => {
  it("finds the @word before the caret", () => {
    expect(mentionQuery("hi @be", 6)).toEqual({ start: 3, query: "be" });
    expect(mentionQuery("@", 1)).toEqual({ start: 0, query: "" });
  });
  it("ignores email addresses, other lines and a space right after @", () => {
    expect(mentionQuery("mail ana@example.com", 20)).toBeNull();
    expect(mentionQuery("@ana\nmore", 9)).toBeNull();
    expect(mentionQuery("@ ana", 5)).toBeNull();
  });
});

describe("mentionCandidates", () => {
  it("matches the start of any word of a name", () => {
    expect(mentionCandidates(people, "b").map((p) => p.id)).toEqual(["2", "3"]);
    expect(mentionCandidates(people, "cole").map((p) => p.id)).toEqual(["3"]);
  });
});

describe("mentionsInText", () => {
  it("keeps only the people still named in the text, once", () => {
    expect(mentionsInText("@Ana Lee and @Ana Lee, not Ben", people.slice(0, 2))).toEqual(["1"]);
  });
});
