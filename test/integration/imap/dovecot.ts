import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nodemailer from 'nodemailer';

/**
 * A private Dovecot (IMAP + LMTP) for one test file: its own folder under the system temp
 * folder, a passwd-file with the given mailboxes, loopback ports picked free at start. Needs the
 * Debian packages `dovecot-imapd dovecot-lmtpd` (`.ci/ensure-dovecot.sh`) and root (Dovecot drops
 * to `nobody` for the mail files).
 */
export interface DovecotUser {
  address: string;
  password: string;
}

export interface Dovecot {
  host: '127.0.0.1';
  imapPort: number;
  lmtpPort: number;
  dir: string;
  /** Delivers raw bytes to these recipients over LMTP, as a mail server would. */
  deliver(raw: string | Buffer, to: string[], from?: string): Promise<void>;
  /** Stops and starts the server (same ports, same mail). */
  restart(): Promise<void>;
  /** Makes the server forget a user's UIDs: the inbox gets a new UIDVALIDITY (done with the server stopped). */
  resetUidValidity(address: string): Promise<void>;
  stop(): Promise<void>;
}

export const DOVECOT_BINARY = '/usr/sbin/dovecot';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function config(dir: string, imapPort: number, lmtpPort: number): string {
  return `
base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
protocols = imap lmtp
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
mail_location = maildir:~/Maildir
mail_uid = nobody
mail_gid = nogroup
first_valid_uid = 0
mail_max_userip_connections = 200
passdb {
  driver = passwd-file
  args = scheme=PLAIN ${dir}/passwd
}
userdb {
  driver = static
  args = uid=nobody gid=nogroup home=${dir}/mail/%u
}
namespace inbox {
  inbox = yes
  separator = /
  mailbox Junk {
    special_use = \\Junk
    auto = subscribe
  }
  mailbox Trash {
    special_use = \\Trash
    auto = subscribe
  }
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${imapPort}
  }
  inet_listener imaps {
    port = 0
  }
}
service lmtp {
  inet_listener lmtp {
    address = 127.0.0.1
    port = ${lmtpPort}
  }
}
protocol lmtp {
  postmaster_address = postmaster@example.test
}
`;
}

async function waitForPort(port: number, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = new Socket();
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
      socket.connect(port, '127.0.0.1');
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`Dovecot did not open port ${port}`);
}

export async function startDovecot(users: DovecotUser[]): Promise<Dovecot> {
  const dir = mkdtempSync(join(tmpdir(), 'mailward-dovecot-'));
  // Dovecot's mail processes run as nobody and must reach the mail folder.
  chmodSync(dir, 0o755);
  const mailDir = join(dir, 'mail');
  mkdirSync(mailDir);
  chownSync(mailDir, 65534, 65534);
  writeFileSync(join(dir, 'passwd'), users.map((u) => `${u.address}:{PLAIN}${u.password}`).join('\n') + '\n', { mode: 0o644 }); // read by Dovecot's auth process (user dovecot); test passwords only
  const imapPort = await freePort();
  const lmtpPort = await freePort();
  writeFileSync(join(dir, 'dovecot.conf'), config(dir, imapPort, lmtpPort));
  let child: ChildProcess | null = null;

  const start = async () => {
    const proc = spawn(DOVECOT_BINARY, ['-F', '-c', join(dir, 'dovecot.conf')], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    proc.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child = proc;
    // Should the test process die without stopping it, the server goes with it.
    const killOnExit = () => proc.kill('SIGKILL');
    process.once('exit', killOnExit);
    proc.once('exit', () => process.removeListener('exit', killOnExit));
    const exited = new Promise<never>((_, reject) =>
      proc.once('exit', (code) => reject(new Error(`Dovecot exited (${code}): ${stderr.trim()}`))),
    );
    exited.catch(() => {});
    const deadline = Date.now() + 10_000;
    await Promise.race([Promise.all([waitForPort(imapPort, deadline), waitForPort(lmtpPort, deadline)]), exited]);
  };

  const stop = async () => {
    const proc = child;
    child = null;
    if (!proc || proc.exitCode !== null) return;
    const gone = new Promise((resolve) => proc.once('exit', resolve));
    proc.kill('SIGTERM');
    const timer = setTimeout(() => proc.kill('SIGKILL'), 5000);
    await gone;
    clearTimeout(timer);
  };

  await start();
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port: lmtpPort, lmtp: true, secure: false, ignoreTLS: true });
  return {
    host: '127.0.0.1',
    imapPort,
    lmtpPort,
    dir,
    async deliver(raw, to, from = 'sender@example.net') {
      await transport.sendMail({ envelope: { from, to }, raw });
    },
    async restart() {
      await stop();
      await start();
    },
    async resetUidValidity(address) {
      await stop();
      const maildir = join(mailDir, address, 'Maildir');
      for (const name of readdirSync(maildir)) {
        if (name === 'dovecot-uidlist' || name.startsWith('dovecot.index')) rmSync(join(maildir, name), { force: true });
      }
      await start();
    },
    async stop() {
      transport.close();
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
