import { describe, expect, it } from 'vitest';
import { escapeMrkdwn, escapePlain, oneLine } from '../../shared/notify/escape.js';
import { fitItems, fitSnsBody } from '../../shared/notify/fit.js';
import { SNS_BODY_MAX_BYTES } from '../../shared/notify/limits.js';
import { clip, clipBytes, utf8Bytes } from '../../shared/text/clip.js';

const LONE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

describe('clip', () => {
  it('never splits a surrogate pair, at any length', () => {
    const text = `x${'😀'.repeat(50)}`;
    for (let max = 2; max < text.length; max++) {
      const out = clip(text, max);
      expect(out.length).toBeLessThanOrEqual(max);
      expect(out).not.toMatch(LONE);
      expect(out.endsWith('…')).toBe(true);
    }
  });

  it('never cuts inside an entity such as &amp; that escaping made', () => {
    const text = escapePlain('R&D <prod> & co '.repeat(20));
    for (let max = 2; max < text.length; max++) {
      const out = clip(text, max).slice(0, -1);
      expect(out.length).toBeLessThanOrEqual(max);
      expect(out).not.toMatch(/&[a-z]*$/);
    }
  });

  it('keeps a lone ampersand that is not an entity', () => {
    expect(clip('a & b and more text', 4)).toBe('a &…');
  });

  it('cuts within a UTF-8 byte budget without breaking characters', () => {
    const text = 'é😀€'.repeat(100);
    for (const max of [10, 11, 12, 13, 100, 257]) {
      const out = clipBytes(text, max);
      expect(utf8Bytes(out)).toBeLessThanOrEqual(max);
      expect(out).not.toMatch(LONE);
      expect(Buffer.from(out, 'utf8').toString('utf8')).toBe(out);
    }
  });
});

describe('fitItems', () => {
  it('lists what fits and says how many were left out', () => {
    const out = fitItems({
      head: 'Spikes: ',
      items: Array.from({ length: 100 }, (_, i) => `service ${i}`),
      separator: '; ',
      more: (n) => `…and ${n} more`,
      max: 100,
    });
    expect(out.length).toBeLessThanOrEqual(100);
    const shown = out.match(/service \d+/g)!.length;
    expect(out).toContain(`…and ${100 - shown} more`);
  });

  it('keeps an SNS body of 800 long multi-byte items under 256 KB, counting bytes', () => {
    const items = Array.from({ length: 800 }, (_, i) => `- budget ${i} ${'é'.repeat(600)}`);
    const out = fitSnsBody({ head: 'Budgets:\n\n', items, separator: '\n', more: (n) => `- …and ${n} more budgets` });
    expect(utf8Bytes(out)).toBeLessThanOrEqual(SNS_BODY_MAX_BYTES);
    expect(out).toMatch(/…and \d+ more budgets$/);
  });
});

describe('names on one line', () => {
  it('a line break in a name never splits an SNS or fallback line', () => {
    expect(oneLine('EC2\nprod\r\nx')).toBe('EC2 prod x');
    expect(escapePlain('a\nb & c')).toBe('a b &amp; c');
    expect(escapeMrkdwn('a\nb')).toBe('a b');
  });
});
