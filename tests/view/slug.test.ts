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
});
