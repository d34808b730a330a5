import sanitizeHtml from "sanitize-html";

// The allow-list for a customer's HTML mail. Whatever passes is still shown only inside a
// sandboxed iframe with a CSP (components/ticket/email-html-frame.tsx); this is the first
// of the two walls. Nothing that runs (script, event handlers, javascript: URLs), nothing
// that submits (forms), nothing that reaches out (remote images, fonts, CSS url()), and no
// CSS beyond a few presentational properties with plain values.

const safeCssValue = [/^[#a-z0-9 .,%()'"-]+$/i];
const notCssEscape = (value: string) => !/url\s*\(|expression|\\|@import|javascript:/i.test(value);

const allowedStyles: Record<string, RegExp[]> = Object.fromEntries(
  [
    "color",
    "background-color",
    "font-weight",
    "font-style",
    "font-size",
    "font-family",
    "text-align",
    "text-decoration",
    "vertical-align",
    "line-height",
    "white-space",
    "width",
    "max-width",
    "margin",
    "margin-left",
    "margin-right",
    "margin-top",
    "margin-bottom",
    "padding",
    "padding-left",
    "padding-right",
    "padding-top",
    "padding-bottom",
    "border",
    "border-collapse",
  ].map((property) => [property, safeCssValue]),
);

/** Placeholder for an image we did not load: the viewer puts the address back on request. */
export const remoteImageAttribute = "data-remote-src";
export const inlineImageAttribute = "data-cid";

export type SanitizedHtml = { html: string; remoteImages: number };

export function sanitizeEmailHtml(dirty: string): SanitizedHtml {
  let remoteImages = 0;
  const html = sanitizeHtml(dirty, {
    allowedTags: [
      "a", "abbr", "b", "blockquote", "br", "caption", "center", "code", "col", "colgroup", "dd", "del", "div",
      "dl", "dt", "em", "font", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "ol",
      "p", "pre", "q", "s", "small", "span", "strike", "strong", "sub", "sup", "table", "tbody", "td", "tfoot",
      "th", "thead", "tr", "tt", "u", "ul",
    ],
    allowedAttributes: {
      "*": ["style", "align", "valign", "dir", "lang", "title", "width", "height"],
      a: ["href", "name", "target", "rel"],
      img: ["src", "alt", remoteImageAttribute, inlineImageAttribute],
      td: ["colspan", "rowspan", "bgcolor"],
      th: ["colspan", "rowspan", "bgcolor"],
      table: ["border", "cellpadding", "cellspacing", "bgcolor"],
      font: ["color", "size", "face"],
      ol: ["start", "type"],
    },
    allowedStyles: { "*": allowedStyles },
    allowedSchemes: ["http", "https", "mailto", "tel"],
    allowedSchemesByTag: { img: ["data"] },
    allowProtocolRelative: false,
    // Dropped along with everything inside them, not unwrapped into text.
    nonTextTags: ["script", "style", "textarea", "option", "noscript", "title", "head", "form", "select", "button", "svg", "math", "iframe", "object", "embed"],
    disallowedTagsMode: "discard",
    transformTags: {
      a: (tagName, attribs) => ({
        tagName,
        attribs: { ...attribs, target: "_blank", rel: "noopener noreferrer nofollow" },
      }),
      img: (tagName, attribs) => {
        const src = (attribs.src ?? "").trim();
        const rest = { ...attribs };
        delete rest.src;
        delete rest[remoteImageAttribute];
        delete rest[inlineImageAttribute];
        if (/^cid:/i.test(src)) return { tagName, attribs: { ...rest, [inlineImageAttribute]: src.slice(4) } };
        if (/^https?:\/\//i.test(src)) {
          remoteImages++;
          return { tagName, attribs: { ...rest, [remoteImageAttribute]: src } };
        }
        // Only raster data: URLs; an SVG can carry script.
        if (/^data:image\/(png|jpe?g|gif|webp);base64,/i.test(src)) return { tagName, attribs: { ...rest, src } };
        return { tagName, attribs: rest };
      },
    },
    exclusiveFilter: (frame) => frame.tag === "img" && !frame.attribs.src && !frame.attribs[remoteImageAttribute] && !frame.attribs[inlineImageAttribute],
  });
  // sanitize-html checks each declaration's value against the list; this also refuses
  // the escapes a regex on the value alone could miss.
  return { html: stripUnsafeStyles(html), remoteImages };
}

function stripUnsafeStyles(html: string): string {
  return html.replace(/ style="([^"]*)"/g, (whole, value: string) => (notCssEscape(decodeEntities(value)) ? whole : ""));
}

function decodeEntities(value: string): string {
  return value.replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);?/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&quot;/g, '"').replace(/&amp;/g, "&");
}
