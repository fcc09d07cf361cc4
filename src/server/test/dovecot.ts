import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, chown, mkdir, mkdtemp, readFile, rename, rm, utimes, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { ImapFlow } from 'imapflow';

/**
 * A private Dovecot IMAP server for tests (Debian's dovecot-imapd, installed by .ci/run): its own
 * config, run dir, log and Maildirs in a temp dir, plain-text logins on 127.0.0.1, a free port, run in
 * the foreground as a child process. Mail is delivered by IMAP APPEND, so no MTA is needed.
 */
export interface Dovecot {
  host: string;
  port: number;
  /** Adds (or changes the password of) an IMAP account; Dovecot rereads the passwd-file on change. */
  addUser(user: string, password: string): Promise<void>;
  /** A connected, signed-in client; log it out when done. */
  connect(user: string, password: string): Promise<ImapFlow>;
  /** Delivers one raw mail into a folder (INBOX by default). */
  append(user: string, password: string, raw: string | Buffer, folder?: string): Promise<void>;
  stop(): Promise<void>;
}

const DOVECOT = process.env.QIAO_TEST_DOVECOT ?? '/usr/sbin/dovecot';

function systemUser(name: string): { uid: number; gid: number } | null {
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${name}:`));
  const [, , uid, gid] = line?.split(':') ?? [];
  return uid && gid ? { uid: Number(uid), gid: Number(gid) } : null;
}

/** Dovecot refuses mail access as root, so as root the mail belongs to an existing unprivileged user. */
function mailOwner(): { name: string; uid: number; gid: number } {
  if (process.getuid?.() !== 0) {
    const me = userInfo();
    return { name: me.username, uid: me.uid, gid: me.gid };
  }
  for (const name of ['postgres', 'nobody']) {
    const found = systemUser(name);
    if (found) return { name, ...found };
  }
  throw new Error('no unprivileged system user (postgres, nobody) to own the test mail');
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
  });
}

function groupName(gid: number): string {
  const line = readFileSync('/etc/group', 'utf8')
    .split('\n')
    .find((l) => l.split(':')[2] === String(gid));
  return line?.split(':')[0] ?? String(gid);
}

function config(dir: string, port: number, owner: { name: string; uid: number; gid: number }) {
  const group = groupName(owner.gid);
  return `# Qiao test Dovecot (generated)
protocols = imap
listen = 127.0.0.1
base_dir = ${dir}/run
state_dir = ${dir}/state
instance_name = qiao-test-${path.basename(dir)}
log_path = ${dir}/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
auth_failure_delay = 0
mail_location = maildir:${dir}/mail/%u
first_valid_uid = 0
first_valid_gid = 0
mail_uid = ${owner.uid}
mail_gid = ${owner.gid}
default_internal_user = ${owner.name}
default_internal_group = ${group}
default_login_user = ${owner.name}
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/users
}
userdb {
  driver = static
  args = uid=${owner.uid} gid=${owner.gid} home=${dir}/home/%u
}
service imap-login {
  chroot =
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
service anvil {
  chroot =
}
`;
}

async function waitForGreeting(port: number, child: ChildProcess, log: () => Promise<string>) {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`dovecot exited (${child.exitCode}): ${await log()}`);
    const ok = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.setTimeout(1000);
      socket.once('data', (data) => {
        socket.destroy();
        resolve(data.toString().startsWith('* OK'));
      });
      socket.once('error', () => resolve(false));
      socket.once('timeout', () => {
        socket.destroy();
        resolve(false);
      });
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`dovecot did not answer on port ${port}: ${await log()}`);
}

export async function startDovecot(): Promise<Dovecot> {
  if (!existsSync(DOVECOT)) {
    throw new Error(
      `${DOVECOT} not found: install Debian's dovecot-imapd (.ci/run does) to run the email tests`,
    );
  }
  const owner = mailOwner();
  const dir = await mkdtemp(path.join(tmpdir(), 'qiao-dovecot-'));
  // Dovecot's unprivileged processes must reach the sockets, the users file and the mail.
  await chmod(dir, 0o755);
  for (const sub of ['run', 'state', 'mail', 'home']) await mkdir(path.join(dir, sub));
  for (const sub of ['mail', 'home']) await chown(path.join(dir, sub), owner.uid, owner.gid);
  const users = new Map<string, string>();
  let version = 0;
  // Written aside and renamed, so Dovecot never reads a half-written file.
  const writeUsers = async () => {
    const next = path.join(dir, 'users.next');
    await writeFile(next, [...users].map(([u, p]) => `${u}:{PLAIN}${p}::::::\n`).join(''), { mode: 0o644 });
    await rename(next, path.join(dir, 'users'));
    // Dovecot notices a changed passwd-file by its mtime in whole seconds: make every version distinct.
    const stamp = Math.floor(Date.now() / 1000) + ++version;
    await utimes(path.join(dir, 'users'), stamp, stamp);
  };
  await writeUsers();
  const log = () => readFile(path.join(dir, 'dovecot.log'), 'utf8').catch(() => '(no log)');

  let child: ChildProcess | undefined;
  let port = 0;
  for (let attempt = 0; ; attempt++) {
    port = await freePort();
    await writeFile(path.join(dir, 'dovecot.conf'), config(dir, port, owner));
    child = spawn(DOVECOT, ['-F', '-c', path.join(dir, 'dovecot.conf')], { stdio: 'ignore' });
    try {
      await waitForGreeting(port, child, log);
      break;
    } catch (error) {
      child.kill('SIGKILL');
      if (attempt >= 2) {
        await rm(dir, { recursive: true, force: true });
        throw error;
      }
    }
  }
  const running = child;

  const dovecot: Dovecot = {
    host: '127.0.0.1',
    port,
    async addUser(user, password) {
      users.set(user, password);
      await writeUsers();
      // Dovecot looks at the file at most once per second: let that second pass.
      await new Promise((r) => setTimeout(r, 1050 - (Date.now() % 1000)));
    },
    async connect(user, password) {
      const client = new ImapFlow({
        host: '127.0.0.1',
        port,
        secure: false,
        auth: { user, pass: password },
        logger: false,
        disableAutoIdle: true,
      });
      client.on('error', () => {});
      await client.connect();
      return client;
    },
    async append(user, password, raw, folder = 'INBOX') {
      const client = await dovecot.connect(user, password);
      try {
        await client.append(folder, raw);
      } finally {
        await client.logout();
      }
    },
    async stop() {
      if (running.exitCode === null) {
        const exited = new Promise((resolve) => running.once('exit', resolve));
        running.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
        if (running.exitCode === null) running.kill('SIGKILL');
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
  return dovecot;
}
