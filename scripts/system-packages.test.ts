import { describe, expect, it } from 'vitest';
import { ensureSystemPackages, SYSTEM_PACKAGES, type SystemPackage } from './system-packages.ts';

const present = (apt: string): SystemPackage => ({ apt, purpose: 'test', present: () => true });
const missing = (apt: string, purpose: string): SystemPackage => ({ apt, purpose, present: () => false });

describe('system packages for npm test', () => {
  it('names every package the tests need', () => {
    expect(SYSTEM_PACKAGES.map((p) => p.apt)).toEqual([
      'chromium',
      'fonts-noto-cjk',
      'dovecot-imapd',
      'openssl',
    ]);
  });

  it('passes when everything is there, without installing anything', () => {
    const log: string[] = [];
    expect(ensureSystemPackages([present('chromium')], true, (l) => log.push(l))).toBeNull();
    expect(log).toEqual([]);
  });

  it('stops with the one command to run when it may not install (not root, not Debian)', () => {
    const message = ensureSystemPackages(
      [
        present('chromium'),
        missing('fonts-noto-cjk', 'Chinese glyphs'),
        missing('dovecot-imapd', 'IMAP tests'),
      ],
      false,
      () => {},
    );
    expect(message).toContain('fonts-noto-cjk: Chinese glyphs');
    expect(message).toContain('sudo apt-get update && sudo apt-get install -y fonts-noto-cjk dovecot-imapd');
    expect(message).not.toContain('install -y chromium');
  });

  it('finds the packages this machine has (npm test installed them before the suite ran)', () => {
    expect(ensureSystemPackages(SYSTEM_PACKAGES, false, () => {})).toBeNull();
  });
});
