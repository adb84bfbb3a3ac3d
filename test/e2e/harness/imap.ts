/**
 * A real IMAP server for the e2e tests: Dovecot's imap binary, pre-authenticated, served on loopback
 * by socat, over a Maildir. Dovecot refuses to run as root, so as root it runs as `nobody`.
 * Delivering a message = writing a file into Maildir/new; Thunderbird hears of it through IDLE.
 */
import { chownSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ChildProcess } from "node:child_process";
import { endProcess, startProcess } from "./processes.js";

export const DOVECOT_IMAP = "/usr/lib/dovecot/imap";
const NOBODY = 65534;

export interface ImapServer {
  port: number;
  maildir: string;
  deliver(message: string, folder?: string): void;
  /** Maildir++ folder (".A.B") for the IMAP folder "A/B". */
  createFolder(path: string): void;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const a = s.address();
      const port = typeof a === "object" && a ? a.port : 0;
      s.close(() => resolve(port));
    });
  });
}

let counter = 0;

export async function startImap(): Promise<ImapServer> {
  if (!existsSync(DOVECOT_IMAP)) throw new Error(`${DOVECOT_IMAP} not found: apt-get install dovecot-imapd socat`);
  const asRoot = process.getuid?.() === 0;
  // Under /tmp, so that `nobody` can reach it.
  const base = mkdtempSync(join(tmpdir(), "authlens-imap-"));
  const home = join(base, "home");
  const maildir = join(home, "Maildir");
  const own = (p: string) => {
    if (asRoot) chownSync(p, NOBODY, NOBODY);
  };
  const mkMaildir = (dir: string) => {
    for (const sub of ["", "cur", "new", "tmp"]) {
      mkdirSync(join(dir, sub), { recursive: true });
      own(join(dir, sub));
    }
  };
  for (const d of [base, home]) {
    mkdirSync(d, { recursive: true });
    own(d);
  }
  mkMaildir(maildir);
  const conf = join(base, "dovecot.conf");
  writeFileSync(
    conf,
    [
      "protocols = imap",
      "mail_location = maildir:~/Maildir",
      "log_path = /dev/stderr",
      "ssl = no",
      // "/" as the hierarchy separator, as most servers show it ("AuthLens/DMARC failures").
      "namespace inbox {",
      "  inbox = yes",
      "  separator = /",
      "}",
      "",
    ].join("\n"),
  );
  own(conf);
  const port = await freePort();
  const imap = `env USER=tester HOME=${home} ${DOVECOT_IMAP} -c ${conf}`;
  const socatArgs = [`TCP-LISTEN:${port},bind=127.0.0.1,fork,reuseaddr`, `EXEC:${imap}`];
  const proc: ChildProcess = asRoot
    ? startProcess("runuser", ["-u", "nobody", "--", "socat", ...socatArgs], { stdio: "ignore" })
    : startProcess("socat", socatArgs, { stdio: "ignore" });
  // Wait until it accepts connections.
  const { connect } = await import("node:net");
  for (let i = 0; i < 100; i++) {
    const ok = await new Promise<boolean>((resolve) => {
      const c = connect(port, "127.0.0.1", () => {
        c.destroy();
        resolve(true);
      });
      c.on("error", () => resolve(false));
    });
    if (ok) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  const folderDir = (path?: string) => (path ? join(maildir, `.${path.split("/").join(".")}`) : maildir);
  return {
    port,
    maildir,
    deliver(message, folder) {
      const dir = folderDir(folder);
      const name = `${Date.now()}.${process.pid}_${counter++}.authlens-e2e`;
      const tmpPath = join(dir, "tmp", name);
      writeFileSync(tmpPath, message.replace(/\r?\n/g, "\r\n"));
      own(tmpPath);
      renameSync(tmpPath, join(dir, "new", name));
    },
    createFolder(path) {
      mkMaildir(folderDir(path));
    },
    async stop() {
      await endProcess(proc);
      rmSync(base, { recursive: true, force: true });
    },
  };
}

/** Thunderbird prefs for an IMAP account (account2) on this server, next to Local Folders. */
export function imapAccountPrefs(port: number): Record<string, string | number | boolean> {
  return {
    "mail.accountmanager.accounts": "account2,account1",
    "mail.accountmanager.defaultaccount": "account2",
    "mail.account.account2.server": "server2",
    "mail.account.account2.identities": "id1",
    "mail.identity.id1.useremail": "bob@example.net",
    "mail.identity.id1.fullName": "Bob Recipient",
    "mail.server.server2.type": "imap",
    "mail.server.server2.hostname": "127.0.0.1",
    "mail.server.server2.port": port,
    "mail.server.server2.socketType": 0,
    "mail.server.server2.authMethod": 3,
    "mail.server.server2.userName": "tester",
    "mail.server.server2.name": "Example IMAP",
    "mail.server.server2.use_idle": true,
    "mail.server.server2.check_new_mail": true,
    "mail.server.server2.check_time": 1,
    "mail.server.server2.login_at_startup": true,
    "mail.server.server2.directory-rel": "[ProfD]ImapMail/127.0.0.1",
    "mail.server.server2.using_subscription": false,
  };
}
