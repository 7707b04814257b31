import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { canLoc } from './demo/can-loc.ts';
import { writeLarge } from './demo/large.ts';
import { province } from './demo/province.ts';
import { twoTier } from './demo/two-tier.ts';
import { writeDataset } from './demo/write.ts';
import { userPath } from './lib/output.ts';

/**
 * Writes the demo data: a Bến Tre-shaped province (two quarters of 2017, with made-up
 * boundaries), a two-tier export after July 2025, and the Can Lộc district model.
 * Seeded and free of clock or Math.random, so two runs give byte-identical files.
 *
 *   node scripts/demo-data.ts [--out data] [--seed 2017]
 *
 * With `--scale large --out DIR`, writes instead the largest province (scripts/demo/large.ts)
 * to DIR, a folder of your choice: it is about 360 MB, not demo data. `--quarters 9` adds a
 * ninth quarter and `--older-reports 2000000` gives every quarter as many reports as the newest.
 */
const { values } = parseArgs({ options: { out: { type: 'string' }, seed: { type: 'string', default: '2017' }, scale: { type: 'string', default: 'demo' }, quarters: { type: 'string', default: '8' }, 'older-reports': { type: 'string', default: '250000' } } });
const seed = Number(values.seed);
if (!Number.isInteger(seed)) {
  console.error(`--seed must be an integer, got ${values.seed}`);
  process.exit(2);
}
if (values.scale === 'large') {
  if (!values.out) {
    console.error('--scale large needs --out DIR (a new folder: the files take about 360 MB)');
    process.exit(2);
  }
  const quarters = Number(values.quarters);
  const olderReports = Number(values['older-reports']);
  if (!Number.isInteger(quarters) || quarters < 1 || quarters > 9 || !Number.isInteger(olderReports) || olderReports < 1) {
    console.error('--quarters must be 1 to 9 and --older-reports a positive integer');
    process.exit(2);
  }
  const dir = userPath(values.out);
  await writeLarge(dir, seed, olderReports, quarters);
  console.log(`large province written to ${dir}/ (seed ${seed})`);
  process.exit(0);
}
if (values.scale !== 'demo') {
  console.error(`--scale must be demo or large, not "${values.scale}"`);
  process.exit(2);
}
const out = values.out ?? 'data';

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
