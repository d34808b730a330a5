import { describe, expect, it } from "vitest";
import { linkParts } from "./link-parts";

describe("linkParts", () => {
  it("turns http and https addresses into links and keeps the text around them", () => {
    expect(linkParts("Track it at https://track.example/p/42 today")).toEqual([
      { text: "Track it at " },
      { text: "https://track.example/p/42", href: "https://track.example/p/42" },
      { text: " today" },
    ]);
    expect(linkParts("http://a.example")).toEqual([{ text: "http://a.example", href: "http://a.example/" }]);
  });

  it("leaves sentence punctuation outside the link", () => {
    expect(linkParts("See https://a.example/faq.")).toEqual([
      { text: "See " },
      { text: "https://a.example/faq", href: "https://a.example/faq" },
      { text: "." },
    ]);
    expect(linkParts("(https://a.example/x)")).toEqual([
      { text: "(" },
      { text: "https://a.example/x", href: "https://a.example/x" },
      { text: ")" },
    ]);
    expect(linkParts("https://en.wikipedia.example/wiki/Foo_(bar)")[0]).toMatchObject({
      text: "https://en.wikipedia.example/wiki/Foo_(bar)",
    });
  });

  it("links mailto addresses and bare email addresses as mailto", () => {
    expect(linkParts("Write to mailto:help@shop.example or ana.b+x@mail.shop.example.")).toEqual([
      { text: "Write to " },
      { text: "mailto:help@shop.example", href: "mailto:help@shop.example" },
      { text: " or " },
      { text: "ana.b+x@mail.shop.example", href: "mailto:ana.b+x@mail.shop.example" },
      { text: "." },
    ]);
  });

  it("keeps hostile text as text", () => {
    expect(linkParts('https://a.example/"><script>x</script>')).toEqual([
      { text: "https://a.example/", href: "https://a.example/" },
      { text: '"><script>x</script>' },
    ]);
    expect(linkParts("JaVaScRiPt:alert(1)//https://a.example")[0]).toEqual({ text: "JaVaScRiPt:alert(1)//" });
  });

  it("never links other schemes", () => {
    for (const text of ["javascript:alert(1)", "data:text/html,<b>x</b>", "file:///etc/passwd", "ftp://a.example/x"]) {
      expect(linkParts(text)).toEqual([{ text }]);
    }
  });

  it("returns text without links unchanged", () => {
    expect(linkParts("No links here")).toEqual([{ text: "No links here" }]);
    expect(linkParts("")).toEqual([]);
  });
});
