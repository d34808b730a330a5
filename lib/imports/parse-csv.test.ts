import { describe, expect, it } from "vitest";
import { parseCsv } from "./parse-csv";

describe("parseCsv", () => {
  it("reads quoted fields with separators, quotes and line breaks, CRLF or LF, without a BOM", () => {
    const text = '\ufeffemail,name,note\r\nmaria@example.com,"Lopez, Maria","said ""hi""\nthen left"\r\n\r\njohn@example.com,John,\n';
    expect(parseCsv(text)).toEqual([
      { line: 1, cells: ["email", "name", "note"] },
      { line: 2, cells: ["maria@example.com", "Lopez, Maria", 'said "hi"\nthen left'] },
      { line: 5, cells: ["john@example.com", "John", ""] },
    ]);
  });

  it("reads semicolon-separated files as European spreadsheets write them", () => {
    expect(parseCsv("email;name\na@example.com;Ana")).toEqual([
      { line: 1, cells: ["email", "name"] },
      { line: 2, cells: ["a@example.com", "Ana"] },
    ]);
  });
});
