import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadData } from '../src/lib/load.ts';
import { buildSiteModel } from '../src/lib/model/build-site-model.ts';
import type { SiteModel } from '../src/lib/model/types.ts';
import { memorySource } from './memory-source.ts';

const fixture = 'tests/fixtures/teams';

/**
 * The site model of tests/fixtures/teams with a 2017-Q3 before it: the same export with no report,
 * so the groups exist and nothing was attended or raised (figures worked out in
 * tests/lib/scorecard-figures.test.ts).
 */
export async function teamsModel(): Promise<SiteModel> {
  const q4 = Object.fromEntries(readdirSync(join(fixture, 'exports/2017-Q4')).map((f) => [`data/exports/2017-Q4/${f}`, readFileSync(join(fixture, 'exports/2017-Q4', f))]));
  const q3 = Object.fromEntries(Object.entries(q4).map(([path, bytes]) => [path.replace('2017-Q4', '2017-Q3'), path.endsWith('reports.csv') ? 'report_id,cadre_id,unit_id,date,type' : bytes]));
  const loaded = await loadData('data', memorySource({ ...q4, ...q3, 'data/config.json': readFileSync(join(fixture, 'config.json')) }));
  return buildSiteModel({ loaded, builtAt: '2018-01-15T00:00:00.000Z', files: [], boundaryIds: new Set() });
}
