import { describe, expect, it } from 'vitest';
import { ERROR_MESSAGES, type ErrorCode, errorStatus, MODULE_ERRORS, PLATFORM_ERRORS } from './errors.ts';

describe('the error catalogue', () => {
  it('gives every code one HTTP status of an error, and text in all three languages', () => {
    for (const [code, entry] of Object.entries(ERROR_MESSAGES)) {
      expect(entry.status, code).toBeGreaterThanOrEqual(400);
      expect(entry.status, code).toBeLessThan(600);
      for (const locale of ['zh-CN', 'zh-TW', 'en'] as const) expect(entry[locale].trim(), code).not.toBe('');
    }
    expect(errorStatus('NOT_FOUND')).toBe(404);
    expect(errorStatus('FORBIDDEN')).toBe(403);
    expect(errorStatus('UNAUTHENTICATED')).toBe(401);
    expect(errorStatus('INTERNAL')).toBe(500);
    expect(errorStatus('COMPLAINT_WRONG_STEP' satisfies ErrorCode)).toBe(409);
  });

  it('has no code defined twice across the module files (a later spread would silently win)', () => {
    const keys = [PLATFORM_ERRORS, ...MODULE_ERRORS].flatMap((part) => Object.keys(part));
    expect(keys.length).toBe(new Set(keys).size);
    expect(Object.keys(ERROR_MESSAGES).length).toBe(keys.length);
  });
});
