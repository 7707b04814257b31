import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadData } from '../../src/lib/load.ts';
import { memorySource } from '../memory-source.ts';

const dir = 'tests/fixtures/tiny/exports/2017-Q4';
const tiny = Object.fromEntries(readdirSync(dir).map((f) => [`d/exports/2017-Q4/${f}`, readFileSync(join(dir, f), 'utf8')]));

describe('loadData(dir, source)', () => {
  it('refuses a config.json that is not UTF-8 rather than publish a garbled title', async () => {
    // "Tỉnh ủy" written in a one-byte legacy encoding.
    const config = Uint8Array.from([...Buffer.from('{"title":"T'), 0xec, ...Buffer.from('nh '), 0xfa, ...Buffer.from('y"}')]);
    const loaded = await loadData('d', memorySource({ ...tiny, 'd/config.json': config }));
    expect(loaded.findings.errors).toEqual([expect.objectContaining({ file: 'config.json', code: 'config-encoding' })]);
  });

  it('reads a single export folder with the default mapping', async () => {
    const loaded = await loadData('d/exports/2017-Q4', memorySource(tiny));
    expect(loaded.findings.errors).toEqual([]);
    expect(loaded.quarters.map((q) => q.quarter.id)).toEqual(['2017-Q4']);
  });

  it('names an export folder that is not YYYY-Qn', async () => {
    const renamed = Object.fromEntries(Object.entries(tiny).map(([path, text]) => [path.replace('2017-Q4', 'Q4-2017'), text]));
    const loaded = await loadData('d', memorySource(renamed));
    expect(loaded.findings.errors).toEqual([expect.objectContaining({ file: 'exports/Q4-2017', code: 'bad-folder' })]);
  });
});
