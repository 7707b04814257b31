import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { canLoc } from './demo/can-loc.ts';
import { province } from './demo/province.ts';
import { twoTier } from './demo/two-tier.ts';
import { writeDataset } from './demo/write.ts';

/**
 * Writes the demo data: a Bến Tre-shaped province (two quarters of 2017, with made-up
 * boundaries), a two-tier export after July 2025, and the Can Lộc district model.
 * Seeded and free of clock or Math.random, so two runs give byte-identical files.
 *
 *   node scripts/demo-data.ts [--out data] [--seed 2017]
 */
const { values } = parseArgs({ options: { out: { type: 'string', default: 'data' }, seed: { type: 'string', default: '2017' } } });
const out = values.out;
const seed = Number(values.seed);
if (!Number.isInteger(seed)) {
  console.error(`--seed must be an integer, got ${values.seed}`);
  process.exit(2);
}

const main = province(seed);
writeDataset(out, 'province', main.data, {
  title: 'Tỉnh ủy Bến Tre — Nắm cơ sở',
  coverage: [
    { cadreLevel: 'province', unitLevel: 'commune' },
    { cadreLevel: 'district', unitLevel: 'hamlet' },
    { cadreLevel: 'commune', unitLevel: 'group' },
  ],
}, seed);
mkdirSync(join(out, 'boundaries'), { recursive: true });
writeFileSync(join(out, 'boundaries', 'communes.topojson'), `${JSON.stringify(main.boundaries)}\n`);

writeDataset(join(out, 'examples', 'two-tier'), 'two-tier', twoTier(seed), {
  title: 'Tỉnh ủy Vĩnh Long — Nắm cơ sở (mẫu hai cấp)',
  coverage: [
    { cadreLevel: 'province', unitLevel: 'commune' },
    { cadreLevel: 'commune', unitLevel: 'hamlet' },
  ],
}, seed);

writeDataset(join(out, 'examples', 'can-loc'), 'can-loc', canLoc(seed), {
  title: 'Huyện ủy Can Lộc — Nắm cơ sở',
  coverage: [
    { cadreLevel: 'district', unitLevel: 'commune' },
    // Commune committee members attend their hamlets' branch meetings monthly.
    { cadreLevel: 'commune', unitLevel: 'hamlet', attendanceTypes: ['branch_meeting'] },
  ],
}, seed);

console.log(`demo data written to ${out}/ (seed ${seed})`);
