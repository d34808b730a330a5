import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import path from "node:path";
import { build } from "esbuild";

// The widget's two bundles go to public/, which Next.js serves as they were at build time:
// `npm start` runs this before deciding whether to rebuild the app. A bundle is written only
// when its bytes change, so an unchanged widget does not trigger a rebuild.
export const widgetBundles = {
  loader: { entry: "widget/loader.ts", out: "public/widget.js" },
  panel: { entry: "widget/panel/panel.ts", out: "public/widget/panel.js" },
} as const;

export async function buildWidget(root = process.cwd()): Promise<Record<keyof typeof widgetBundles, Buffer>> {
  const outputs = {} as Record<keyof typeof widgetBundles, Buffer>;
  for (const [name, bundle] of Object.entries(widgetBundles) as [keyof typeof widgetBundles, (typeof widgetBundles)[keyof typeof widgetBundles]][]) {
    const result = await build({
      entryPoints: [path.join(root, bundle.entry)],
      bundle: true,
      minify: true,
      format: "iife",
      target: ["es2020"],
      platform: "browser",
      write: false,
      legalComments: "none",
      alias: { "@": root },
      logLevel: "warning",
    });
    const bytes = Buffer.from(result.outputFiles[0]!.contents);
    const file = path.join(root, bundle.out);
    mkdirSync(path.dirname(file), { recursive: true });
    if (!existsSync(file) || !readFileSync(file).equals(bytes)) writeFileSync(file, bytes);
    outputs[name] = bytes;
  }
  return outputs;
}

export const contentVersion = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex").slice(0, 12);

if (import.meta.url === `file://${process.argv[1]}`) {
  const outputs = await buildWidget();
  for (const [name, bytes] of Object.entries(outputs)) process.stdout.write(`${name}: ${bytes.length} bytes\n`);
}
