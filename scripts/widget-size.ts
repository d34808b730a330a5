import { gzipSync } from "node:zlib";
import { renderPanelHtml } from "@/lib/channels/chat/panel-html";
import { buildWidget } from "./build-widget";

// `npm run size` (and a step of `npm test`): what a visitor downloads before the chat panel
// is usable, gzipped as served, against the budgets. Exits 1 when one is exceeded.
const loaderBudget = 3 * 1024;
const totalBudget = 60 * 1024;

const bundles = await buildWidget();
const html = renderPanelHtml(
  {
    key: "wk_0123456789abcdef0123456789abcdef",
    name: "Acme support",
    color: "#2563eb",
    greeting: "Hi! Ask us anything, we usually answer within minutes.",
    allowedOrigins: ["https://shop.acme.test", "https://www.acme.test"],
    preChatForm: true,
    requireIdentity: false,
    uploads: { maxBytes: 10 * 1024 * 1024, types: ["image/png", "image/jpeg", "image/gif", "image/webp", "application/pdf", "text/plain"] },
  },
  "/widget/panel.js?v=0123456789ab",
);

const gz = (bytes: Buffer | string) => gzipSync(bytes, { level: 9 }).length;
const rows = [
  { what: "widget.js (loader)", gzipped: gz(bundles.loader), raw: bundles.loader.length },
  { what: "panel page (iframe HTML)", gzipped: gz(html), raw: Buffer.byteLength(html) },
  { what: "panel.js (panel + socket.io client)", gzipped: gz(bundles.panel), raw: bundles.panel.length },
];
const total = rows.reduce((sum, row) => sum + row.gzipped, 0);
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

for (const row of rows) console.log(`${row.what.padEnd(38)} ${kb(row.gzipped).padStart(9)} gzipped (${kb(row.raw)} raw)`);
console.log(`${"total before the panel is usable".padEnd(38)} ${kb(total).padStart(9)} gzipped`);

const failures = [
  rows[0]!.gzipped > loaderBudget && `loader ${kb(rows[0]!.gzipped)} is over its ${kb(loaderBudget)} budget`,
  total > totalBudget && `total ${kb(total)} is over its ${kb(totalBudget)} budget`,
].filter(Boolean);
if (failures.length) {
  console.error(`Size budget exceeded: ${failures.join("; ")}`);
  process.exit(1);
}
console.log(`Within budget: loader ≤ ${kb(loaderBudget)}, total ≤ ${kb(totalBudget)}.`);
