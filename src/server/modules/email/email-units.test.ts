import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { open, seal } from '../../crypto/secret-box.ts';
import { rawMail } from './email.fixtures.ts';
import { skipReason } from './loop-guard.ts';
import { htmlToText, sanitiseEmailHtml } from './sanitise.ts';
import {
  cleanSubject,
  newThreadToken,
  normaliseMessageId,
  outboundMessageId,
  subjectTag,
  threadClaims,
} from './threading.ts';

describe('thread tokens', () => {
  it('are 16 random base32 characters, carried in our Message-IDs and subject tags', () => {
    const token = newThreadToken();
    expect(token).toMatch(/^[a-z2-7]{16}$/);
    expect(newThreadToken()).not.toBe(token);
    const id = outboundMessageId(token, 'help@qiao.example');
    const claims = threadClaims({
      inReplyTo: id,
      references: ['<other@customer.example>', id],
      subject: `Re: 问题 ${subjectTag('SR-20261123-0001', token.toUpperCase())}`,
    });
    expect(claims).toEqual([
      { token, number: null, via: 'in-reply-to' },
      { token, number: null, via: 'references' },
      { token, number: 'SR-20261123-0001', via: 'subject' },
    ]);
  });

  it('are not found in numbers, foreign Message-IDs or short look-alikes', () => {
    expect(
      threadClaims({
        inReplyTo: '<qiao.short.00@qiao.example>',
        references: ['<abc@customer.example>'],
        subject: 'Re: [SR-20261123-0001] [SR-20261123-0001#abc]',
      }),
    ).toEqual([]);
  });

  it('clean subjects of reply prefixes and tags, and normalise Message-IDs', () => {
    expect(cleanSubject('回复：RE: Fwd: 打印机故障 [SR-1#abcdefghijklmnop]')).toBe('打印机故障');
    expect(normaliseMessageId(' abc@x ')).toBe('<abc@x>');
    expect(normaliseMessageId('<<abc@x>>')).toBe('<abc@x>');
    expect(normaliseMessageId('')).toBeNull();
  });
});

describe('secret box', () => {
  it('round-trips, uses a fresh IV each time and refuses tampered values', () => {
    const a = seal('p@ss 密码');
    expect(a).not.toBe(seal('p@ss 密码'));
    expect(open(a)).toBe('p@ss 密码');
    const [v, kid, payload] = a.split('.');
    const flipped = Buffer.from(payload!, 'base64url');
    flipped[flipped.length - 1] = (flipped[flipped.length - 1] ?? 0) ^ 1;
    expect(() => open(`${v}.${kid}.${flipped.toString('base64url')}`)).toThrow(/tampered/);
    expect(() => open(`v1.otherkey.${payload}`)).toThrow(/another instance key/);
  });
});

describe('loop guard', () => {
  const reason = async (headers: Record<string, string>, from?: string) =>
    skipReason(await simpleParser(Buffer.from(rawMail({ headers, ...(from ? { from } : {}) }))), {
      ownAddresses: ['help@qiao.example'],
    });

  it('lets ordinary mail through and stops automatic mail', async () => {
    expect(await reason({})).toBeNull();
    expect(await reason({ 'Auto-Submitted': 'no' })).toBeNull();
    expect(await reason({ 'Auto-Submitted': 'auto-generated' })).toBe('auto_submitted');
    expect(await reason({ 'X-Autorespond': 'yes' })).toBe('auto_reply');
    expect(await reason({ Precedence: 'junk' })).toBe('bulk');
    expect(await reason({ Precedence: 'list' })).toBe('bulk');
    expect(await reason({}, 'postmaster@customer.example')).toBe('bounce');
    expect(await reason({}, 'Help@Qiao.example')).toBe('own_mailbox');
    expect(await reason({ 'X-Qiao-Loop': 'help@qiao.example' })).toBe('loop');
    expect(await reason({ 'X-Qiao-Loop': 'support@other-company.example' })).toBeNull();
  });
});

describe('HTML', () => {
  it('keeps inline raster images, drops SVG and remote ones, and reads as text', () => {
    const html = sanitiseEmailHtml(
      '<p>A &amp; B</p><img src="data:image/png;base64,AAAA"><img src="data:image/svg+xml;base64,PHN2Zz4=">' +
        '<ul><li>一</li><li>二</li></ul>',
    );
    expect(html).toContain('<img src="data:image/png;base64,AAAA" />');
    expect(html).not.toContain('svg');
    expect(htmlToText(html)).toBe('A & B\n[image]\n• 一\n• 二');
  });
});
