// What `npm test` needs from the operating system besides Node: Debian's Chromium for the browser
// journeys (never a downloaded browser), CJK fonts so Chinese screens render, and Dovecot for the IMAP
// tests. As root on Debian/Ubuntu they are installed on the spot; otherwise the run stops at once with
// the one command that installs them.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export interface SystemPackage {
  /** The Debian/Ubuntu package that provides it. */
  apt: string;
  /** What it is for, for the message when it is missing. */
  purpose: string;
  present(): boolean;
}

function hasCjkFont(): boolean {
  const list = spawnSync('fc-list', [':lang=zh'], { encoding: 'utf8' });
  return list.status === 0 && /Noto Sans CJK/i.test(list.stdout);
}

export const SYSTEM_PACKAGES: SystemPackage[] = [
  {
    apt: 'chromium',
    purpose: 'browser journeys (Playwright drives /usr/bin/chromium)',
    present: () => existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'),
  },
  { apt: 'fonts-noto-cjk', purpose: 'Chinese glyphs in the browser journeys', present: hasCjkFont },
  {
    apt: 'dovecot-imapd',
    purpose: 'IMAP mailbox tests (a private Dovecot per run)',
    present: () => existsSync(process.env.QIAO_TEST_DOVECOT ?? '/usr/sbin/dovecot'),
  },
  {
    apt: 'openssl',
    purpose: 'a self-signed certificate for the HTTPS / HTTP/2 test',
    present: () => existsSync('/usr/bin/openssl'),
  },
];

export function installCommand(packages: string[]): string {
  return `sudo apt-get update && sudo apt-get install -y ${packages.join(' ')}`;
}

/**
 * Makes sure every system package is there; returns an error message (with the command to run) when it
 * cannot, or null when all is in place.
 */
export function ensureSystemPackages(
  packages: readonly SystemPackage[] = SYSTEM_PACKAGES,
  canInstall = process.platform === 'linux' && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get'),
  log: (line: string) => void = console.log,
): string | null {
  const missing = packages.filter((p) => !p.present());
  if (missing.length === 0) return null;
  const names = missing.map((p) => p.apt);
  const why = missing.map((p) => `  ${p.apt}: ${p.purpose}`).join('\n');
  if (!canInstall)
    return `Missing system packages:\n${why}\nInstall them with:\n  ${installCommand(names)}\nthen run npm test again.`;

  log(`▶ installing system packages: ${names.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  const install =
    update.status === 0
      ? spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...names], {
          stdio: 'inherit',
          env,
        })
      : update;
  const still = packages.filter((p) => !p.present()).map((p) => p.apt);
  if (install.status !== 0 || still.length > 0)
    return `Installing ${names.join(' ')} failed (still missing: ${still.join(' ') || 'none'}).\nRun:\n  ${installCommand(names)}`;
  return null;
}
