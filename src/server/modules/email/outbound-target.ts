import { lookup as dnsLookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/**
 * Where Qiao may open a mail connection (IMAP, SMTP). A mailbox is configured by staff who are not
 * server administrators, so its host must not reach the server's own network: loopback, private,
 * link-local (cloud metadata), carrier-grade NAT, multicast and reserved addresses are refused after
 * DNS resolution, at every connection, and the client is given the checked address so a second DNS
 * answer cannot switch it. Hosts an administrator names in QIAO_MAIL_ALLOWED_HOSTS are exempt.
 */

const BLOCKED = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  BLOCKED.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
] as const)
  BLOCKED.addSubnet(net, prefix, 'ipv6');

let allowedHosts: ReadonlySet<string> = new Set();

/** Host names (or literal addresses) an administrator allows although they resolve to internal addresses. */
export function allowMailHosts(hosts: readonly string[]): void {
  allowedHosts = new Set(hosts.map(normaliseHost).filter(Boolean));
}

/** `QIAO_MAIL_ALLOWED_HOSTS`: comma-separated host names. */
export function parseAllowedHosts(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((h) => normaliseHost(h))
    .filter(Boolean);
}

export class BlockedTargetError extends Error {
  readonly code = 'TARGET_BLOCKED';
  constructor(host: string) {
    super(`mail server address not allowed: ${host}`);
  }
}

function normaliseHost(host: string): string {
  let h = host.trim().toLowerCase();
  if (h.startsWith('[') && h.endsWith(']')) h = h.slice(1, -1);
  return h.replace(/\.$/, '');
}

/** One part of an inet_aton address: decimal, octal (leading 0) or hex (0x). */
function atonPart(part: string): number | null {
  if (/^0x[0-9a-f]*$/.test(part)) return part.length > 2 ? Number.parseInt(part.slice(2), 16) : 0;
  if (/^0[0-7]*$/.test(part)) return Number.parseInt(part, 8);
  if (/^[1-9][0-9]*$/.test(part)) return Number(part);
  return null;
}

/**
 * An IPv4 address in any form the system resolver accepts (inet_aton): 127.0.0.1, 2130706433,
 * 0x7f000001, 017700000001, 127.1, 0177.0.0.01 — as a dotted quad, or null when the text is a name.
 */
export function parseIpv4(host: string): string | null {
  const parts = host.split('.');
  if (parts.length < 1 || parts.length > 4) return null;
  const values = parts.map(atonPart);
  if (values.some((v) => v === null)) return null;
  const nums = values as number[];
  const last = nums.at(-1)!;
  const lastMax = 2 ** (8 * (5 - nums.length));
  if (nums.slice(0, -1).some((v) => v > 255) || last >= lastMax) return null;
  let value = last;
  nums.slice(0, -1).forEach((v, i) => {
    value += v * 2 ** (8 * (3 - i));
  });
  return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join('.');
}

/** The IPv4 address inside an IPv6 one (mapped ::ffff:a.b.c.d, compatible ::a.b.c.d, NAT64, 6to4). */
function embeddedIpv4(address: string): string | null {
  const groups = expandIpv6(address);
  if (!groups) return null;
  const v4 = (hi: number, lo: number) => `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
  const zero = (from: number, to: number) => groups.slice(from, to).every((g) => g === 0);
  if (zero(0, 5) && (groups[5] === 0xffff || groups[5] === 0)) return v4(groups[6]!, groups[7]!);
  if (groups[0] === 0x64 && groups[1] === 0xff9b && zero(2, 6)) return v4(groups[6]!, groups[7]!);
  if (groups[0] === 0x2002) return v4(groups[1]!, groups[2]!);
  return null;
}

function expandIpv6(address: string): number[] | null {
  let text = address.split('%')[0]!;
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted[1]!.split('.').map(Number) as [number, number, number, number];
    text = `${text.slice(0, -dotted[1]!.length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split('::') as [string, string | undefined];
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const fill = tail === undefined ? 0 : 8 - h.length - t.length;
  const groups = [...h, ...Array<string>(fill).fill('0'), ...t].map((g) => Number.parseInt(g, 16));
  return groups.length === 8 && groups.every((g) => g >= 0 && g <= 0xffff) ? groups : null;
}

/** Whether a resolved address is one Qiao must not connect to on a staff member's say-so. */
export function isBlockedAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return BLOCKED.check(address, 'ipv4');
  if (family !== 6) return true;
  const inner = embeddedIpv4(address);
  if (inner && BLOCKED.check(inner, 'ipv4')) return true;
  return BLOCKED.check(address, 'ipv6');
}

/** The literal address a host text stands for (any IPv4 notation, IPv6 with or without brackets), or null. */
function literalAddress(host: string): string | null {
  if (isIP(host)) return host;
  return parseIpv4(host);
}

/** Names that only mean something inside a network (or the machine itself): refused without asking DNS. */
const isLocalName = (host: string) =>
  !host.includes('.') ||
  ['localhost', 'internal', 'local', 'home.arpa'].some((zone) => host === zone || host.endsWith(`.${zone}`));

/**
 * The check when a mailbox is saved (no DNS: the name may only resolve later): a literal internal
 * address, or a name such as localhost, is refused unless allowed. Throws BlockedTargetError.
 */
export function checkSavedHost(host: string): void {
  const h = normaliseHost(host);
  if (!h || allowedHosts.has(h)) return;
  const literal = literalAddress(h);
  if (literal ? isBlockedAddress(literal) : isLocalName(h)) throw new BlockedTargetError(host);
}

export interface OutboundTarget {
  /** What to connect to: the checked address (or the allowed host name itself). */
  host: string;
  /** The name for TLS (SNI and certificate check) when connecting to a resolved address. */
  servername: string | undefined;
}

export type Lookup = (host: string) => Promise<string[]>;
/** Name resolution gets as long as a connection would (then the connection counts as failed). */
const LOOKUP_TIMEOUT_MS = 15_000;
const systemLookup: Lookup = async (host) => {
  const timeout = new Promise<never>((_, reject) => {
    setTimeout(
      () => reject(Object.assign(new Error(`DNS lookup timed out: ${host}`), { code: 'ETIMEDOUT' })),
      LOOKUP_TIMEOUT_MS,
    ).unref();
  });
  const answers = await Promise.race([dnsLookup(host, { all: true, verbatim: true }), timeout]);
  return answers.map((a) => a.address);
};

/**
 * Resolves a mail host right before a connection and checks every address it resolves to; throws
 * BlockedTargetError when any of them is internal (unless an administrator allowed the host).
 */
export async function checkOutboundTarget(
  host: string,
  port: number,
  lookup: Lookup = systemLookup,
): Promise<OutboundTarget> {
  const h = normaliseHost(host);
  if (!h || !Number.isInteger(port) || port < 1 || port > 65535) throw new BlockedTargetError(host);
  if (allowedHosts.has(h)) return { host: h, servername: undefined };
  const literal = literalAddress(h);
  if (literal) {
    if (isBlockedAddress(literal)) throw new BlockedTargetError(host);
    return { host: literal, servername: undefined };
  }
  if (isLocalName(h)) throw new BlockedTargetError(host);
  const addresses = await lookup(h);
  if (!addresses.length || addresses.some(isBlockedAddress)) throw new BlockedTargetError(host);
  return { host: addresses[0]!, servername: h };
}
