import { describe, expect, it } from 'vitest';
import { defaultConfig, parseConfig } from '../../src/lib/config.ts';

describe('parseConfig(text)', () => {
  it('defaults to the contract’s mapping', () => {
    expect(parseConfig(null).config.coverage).toEqual([
      { cadreLevel: 'province', unitLevel: 'commune' },
      { cadreLevel: 'district', unitLevel: 'hamlet' },
      { cadreLevel: 'commune', unitLevel: 'group' },
    ]);
  });
  it('reads the Can Lộc model and Vietnamese level words', () => {
    const { config, problems } = parseConfig('{ "coverage": [ { "cadreLevel": "huyện", "unitLevel": "xã" } ], "publishNames": false }');
    expect(problems).toEqual([]);
    expect(config.coverage).toEqual([{ cadreLevel: 'district', unitLevel: 'commune' }]);
    expect(config.publishNames).toBe(false);
    expect(config.overdueDays).toBe(defaultConfig.overdueDays);
  });
  it('names a key of the wrong type', () => {
    const { problems } = parseConfig('{ "overdueDays": "thirty", "coverage": [ { "cadreLevel": "hamlet", "unitLevel": "group" } ] }');
    expect(problems.map((p) => p.column).sort()).toEqual(['coverage', 'overdueDays']);
  });
  it('reports text that is not JSON', () => {
    expect(parseConfig('{ coverage: ').problems[0]).toMatchObject({ file: 'config.json', code: 'config-json' });
  });
});
