import { describe, expect, it } from 'vitest';
import { idSlug } from '../../src/view/slug.ts';

describe('idSlug(id)', () => {
  it('leaves plain codes as they are', () => {
    expect(['28756', '28756-01-07', 'CB829-001', '00123'].map(idSlug)).toEqual(['28756', '28756-01-07', 'CB829-001', '00123']);
  });
  it('writes characters a static host would decode in a form it leaves alone', () => {
    expect([idSlug('X#1'), idSlug('a?b'), idSlug('a/b'), idSlug('50%')]).toEqual(['X~231', 'a~3Fb', 'a~2Fb', '50~25']);
  });
  it('keeps two different ids apart', () => {
    expect(idSlug('a b')).not.toBe(idSlug('a+b'));
  });
  it('escapes ~ itself, so every ~ starts an escape', () => {
    expect(idSlug('a~b')).toBe('a~7Eb');
    expect(idSlug('a~b')).not.toBe(idSlug('a%7Eb'));
  });
  it('gives . and .. a folder of their own instead of this one or its parent', () => {
    expect([idSlug('.'), idSlug('..'), idSlug('a..b')]).toEqual(['~2E', '~2E~2E', 'a..b']);
  });
  it('cuts a long id to a file name the system accepts, keeping ids apart by a hash', () => {
    const long = 'x'.repeat(5000);
    const viet = 'Ấp Thạnh Phú Đông '.repeat(20);
    for (const id of [long, `${long}y`, viet, `${viet}.`]) {
      expect(Buffer.byteLength(idSlug(id))).toBeLessThanOrEqual(100);
      expect(idSlug(id)).toMatch(/^[A-Za-z0-9._~-]+~~[0-9a-f]{16}$/);
    }
    expect(idSlug(long)).not.toBe(idSlug(`${long}y`));
    expect(idSlug(viet)).not.toBe(idSlug(`${viet}.`));
    // The cut never splits an escape: every ~ before the hash starts ~XX.
    expect(idSlug(viet).split('~~')[0]).toMatch(/^(?:[A-Za-z0-9._-]|~[0-9A-F]{2})+$/);
    expect(idSlug('x'.repeat(100))).toBe('x'.repeat(100));
  });
});
