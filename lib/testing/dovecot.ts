import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, chown, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { connect, createServer } from "node:net";
import { tmpdir, userInfo } from "node:os";
import path from "node:path";
import { childProcessEnv } from "@/lib/env";

export type Dovecot = {
  host: string;
  port: number;
  user: string;
  password: string;
  /** Kills the server (all its processes); the mailbox stays, and start() serves it again on the same port. */
  stop: () => Promise<void>;
  start: () => Promise<void>;
  /** Stops the server and removes its directory. */
  dispose: () => Promise<void>;
};

const binaries = ["/usr/sbin/dovecot", "/usr/local/sbin/dovecot"];

/**
 * A real IMAP server for tests: Debian's dovecot (package dovecot-imapd, which .ci/run
 * installs), run as a throwaway instance with its own configuration in a temporary
 * directory, on a free loopback port, with one passwd-file user and a Maildir. As root,
 * dovecot insists on unprivileged users for its login and mail processes: the package's
 * own `dovenull` and `dovecot` users.
 */
export async function startDovecot(): Promise<Dovecot> {
  const binary = binaries.find((file) => existsSync(file));
  if (!binary) throw new Error("dovecot is not installed: apt-get install dovecot-imapd (.ci/run installs it)");
  const dir = await mkdtemp(path.join(tmpdir(), "touchbase-dovecot-"));
  // Login processes run as another user and must reach the sockets under the directory.
  await chmod(dir, 0o755);
  const port = await freeLoopbackPort();
  const user = "support@imap.touchbase.test";
  const password = "imap-test-password";
  const accounts = await processAccounts();

  const home = path.join(dir, "home");
  await mkdir(path.join(home, "Maildir"), { recursive: true });
  if (accounts.root) await chownTree(home, accounts.mail.uid, accounts.mail.gid);
  const passwd = path.join(dir, "passwd");
  await writeFile(passwd, `${user}:{PLAIN}${password}\n`, { mode: 0o644 });
  const config = path.join(dir, "dovecot.conf");
  await writeFile(
    config,
    `base_dir = ${dir}/run
state_dir = ${dir}/state
instance_name = touchbase-test-${port}
log_path = ${dir}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
default_internal_user = ${accounts.internal.name}
default_internal_group = ${accounts.internal.group}
default_login_user = ${accounts.login}
first_valid_uid = 0
first_valid_gid = 0
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${passwd}
}
userdb {
  driver = static
  args = uid=${accounts.mail.uid} gid=${accounts.mail.gid} home=${home}
}
mail_location = maildir:~/Maildir
protocol imap {
  mail_max_userip_connections = 100
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
service pop3-login {
  inet_listener pop3 {
    port = 0
  }
}
service submission-login {
  inet_listener submission {
    port = 0
  }
}
`,
  );

  let child: ChildProcess | null = null;
  const start = async () => {
    if (child) return;
    await rm(path.join(dir, "run", "master.pid"), { force: true });
    // Its own process group, so that stop() ends the login and mail processes with it.
    const started = spawn(binary, ["-F", "-c", config], { stdio: "ignore", env: childProcessEnv({}), detached: true });
    child = started;
    started.once("exit", () => {
      if (child === started) child = null;
    });
    try {
      await waitForGreeting(port, () => child === started);
    } catch (error) {
      const log = await readFile(path.join(dir, "dovecot.log"), "utf8").catch(() => "");
      throw new Error(`dovecot did not start: ${String(error)}\n${log.slice(-2000)}`);
    }
  };
  const stop = async () => {
    const running = child;
    if (!running) return;
    child = null;
    const exited = new Promise((resolve) => running.once("exit", resolve));
    // As a crash or a pulled cable would: every process at once, connections cut.
    process.kill(-running.pid!, "SIGKILL");
    await exited;
  };
  await start();
  return {
    host: "127.0.0.1",
    port,
    user,
    password,
    start,
    stop,
    dispose: async () => {
      await stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

type Accounts = {
  root: boolean;
  login: string;
  internal: { name: string; group: string };
  mail: { uid: number; gid: number };
};

async function processAccounts(): Promise<Accounts> {
  const me = userInfo();
  const groups = await readFile("/etc/group", "utf8").catch(() => "");
  const groupName = (gid: number) => groups.split("\n").find((line) => line.split(":")[2] === String(gid))?.split(":")[0];
  if (me.uid !== 0) {
    const group = groupName(me.gid) ?? me.username;
    return { root: false, login: me.username, internal: { name: me.username, group }, mail: { uid: me.uid, gid: me.gid } };
  }
  const passwd = await readFile("/etc/passwd", "utf8");
  const account = (name: string) => {
    const fields = passwd.split("\n").find((line) => line.startsWith(`${name}:`))?.split(":");
    if (!fields) throw new Error(`user ${name} is missing: reinstall dovecot-core`);
    return { uid: Number(fields[2]), gid: Number(fields[3]) };
  };
  const dovecot = account("dovecot");
  account("dovenull");
  return {
    root: true,
    login: "dovenull",
    internal: { name: "dovecot", group: groupName(dovecot.gid) ?? "dovecot" },
    mail: dovecot,
  };
}

async function chownTree(dir: string, uid: number, gid: number): Promise<void> {
  await chown(dir, uid, gid);
  await chown(path.join(dir, "Maildir"), uid, gid);
}

function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Resolves once the server answers with an IMAP greeting. */
async function waitForGreeting(port: number, alive: () => boolean): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (!alive()) throw new Error("the process exited");
    const greeted = await new Promise<boolean>((resolve) => {
      const socket = connect(port, "127.0.0.1");
      socket.setTimeout(2000);
      socket.once("data", (chunk) => {
        socket.destroy();
        resolve(chunk.toString().startsWith("* OK"));
      });
      socket.once("error", () => resolve(false));
      socket.once("timeout", () => {
        socket.destroy();
        resolve(false);
      });
    });
    if (greeted) return;
    if (Date.now() > deadline) throw new Error("no IMAP greeting within 30 s");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
