import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { buildWidget } from "./build-widget";

// `npm start` on a fresh clone: build the Next.js app when its sources changed since the
// last build, then run the server. A second start on unchanged sources skips the build.
const root = process.cwd();
const stampFile = path.join(root, ".next", "touchbase-source-stamp");
const sourceDirs = ["app", "components", "lib", "public", "widget"];
const sourceFiles = ["proxy.ts", "package-lock.json", "next.config.js", "postcss.config.mjs", "tsconfig.json"];

function sourceStamp(): string {
  const hash = createHash("sha256");
  const visit = (entry: string) => {
    if (!existsSync(entry)) return;
    const stat = statSync(entry);
    if (stat.isDirectory()) {
      for (const child of readdirSync(entry).sort()) visit(path.join(entry, child));
    } else {
      hash.update(`${path.relative(root, entry)}:${stat.size}:${stat.mtimeMs}\n`);
    }
  };
  [...sourceDirs, ...sourceFiles].forEach((entry) => visit(path.join(root, entry)));
  return hash.digest("hex");
}

// Set here rather than in package.json so that `npm start` works in every shell.
Object.assign(process.env, { NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" });

// The widget's bundles land in public/, which the stamp covers: build them first.
await buildWidget(root);
const stamp = sourceStamp();
const built = existsSync(stampFile) && readFileSync(stampFile, "utf8") === stamp;
if (!built) {
  process.stdout.write("Building Touchbase (first start or changed sources)...\n");
  const result = spawnSync(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], {
    stdio: "inherit",
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
  writeFileSync(stampFile, stamp);
}

await import("../server");
