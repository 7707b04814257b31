import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadData } from '../../../src/lib/load.ts';
import { buildSiteModel } from '../../../src/lib/model/build-site-model.ts';
import { memorySource } from '../../memory-source.ts';

const dir = 'tests/fixtures/tiny/exports/2017-Q4';
const q4 = Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));

/*
 * A 2017-Q3 before the tiny 2017-Q4: P1 on 10001 only, P2 on 10002, D1 on hamlet 10001-02, P3 on nothing.
 * Q3 → Q4: P1 takes 10002 (added), P2 leaves it (ended), D1 goes from 10001-02 to 10001-01 (moved).
 * Unattended in Q3: 10003, 10001-01, 10001-01-01; in Q4: 10003, 10001-02, 10001-01-01.
 */
const q3Assignments = ['cadre_id,unit_id,role,start_date,end_date', 'P1,10001,lead,,', 'P2,10002,member,,30/12/2017', 'D1,10001-02,lead,,', 'D2,10003-01,lead,01/01/2017,'].join('\n');

async function model(config = '{}', boundaryIds = new Set(['10001', '10002'])) {
  const files: Record<string, string> = { 'd/config.json': config };
  for (const [name, text] of Object.entries(q4)) {
    files[`d/exports/2017-Q4/${name}`] = text;
    files[`d/exports/2017-Q3/${name}`] = name === 'assignments.csv' ? q3Assignments : text;
  }
  const loaded = await loadData('d', memorySource(files));
  expect(loaded.findings.errors).toEqual([]);
  return buildSiteModel({ loaded, builtAt: '2018-01-15T00:00:00.000Z', files: [], boundaryIds });
}

describe('buildSiteModel(input)', () => {
  it('tells what changed between the two quarters', async () => {
    const m = await model();
    expect(m.quarters).toEqual(['2017-Q3', '2017-Q4']);
    expect(m.changes).toEqual([{
      from: '2017-Q3', to: '2017-Q4',
      added: [{ cadreId: 'P1', unitId: '10002' }],
      ended: [{ cadreId: 'P2', unitId: '10002' }],
      moved: [{ cadreId: 'D1', fromUnitId: '10001-02', toUnitId: '10001-01' }],
      chronic: ['10001-01-01', '10003'],
    }]);
  });

  it('counts the quarters a unit has been unattended in a row', async () => {
    const m = await model();
    expect([m.units['10003']!.unattendedQuarters, m.units['10001-02']!.unattendedQuarters, m.units['10001-01']!.unattendedQuarters]).toEqual([2, 1, 0]);
    expect(m.unattended).toEqual([['10003'], ['10001-02'], ['10001-01-01']]);
  });

  it('lists an area’s issues most urgent first', async () => {
    // Unanswered oldest first: R8 (01/11), R11 (30/11), R10 (15/12); then answered newest first: R9, R7.
    expect((await model()).units['801']!.issueIds).toEqual(['R8', 'R11', 'R10', 'R9', 'R7']);
  });

  it('names the silent cadres of an area and ranks its children by need', async () => {
    const m = await model();
    // D2 (home 802) follows hamlet 10003-01 and reports nothing.
    expect([m.units['83']!.silentIds, m.units['802']!.silentIds, m.units['801']!.silentIds]).toEqual([['D2'], ['D2'], []]);
    // Unattended below 801: hamlet 10001-02 and group 10001-01-01 (2); below 802: commune 10003 (1).
    expect(m.units['83']!.urgentChildIds).toEqual(['801', '802']);
  });

  it('lists idle cadres provincial first', async () => {
    // Idle in 2017-Q4: P2 and P3 (their assignments ended on 30/12) and C1 (starts in 2018);
    // P3 (Lê Văn Ba) and P2 (Trần Thị Hai) carry the same flag, so they come by name.
    expect((await model()).idleIds).toEqual(['P3', 'P2', 'C1']);
  });

  it('lists the map-level units without a boundary', async () => {
    expect((await model()).map).toEqual({ level: 'commune', drawn: 'commune', drawing: 'followed', missingBoundary: ['10003'] });
  });

  it('maps the districts in place of communes that have no boundary, each area showing its district', async () => {
    const m = await model('{}', new Set(['801']));
    expect(m.map).toEqual({ level: 'commune', drawn: 'district', drawing: 'ancestor', missingBoundary: ['10001', '10002', '10003'] });
    // The province shows both districts; a district and its communes show that district.
    expect([m.units['83']!.mapIds, m.units['801']!.mapIds, m.units['10002']!.mapIds, m.units['802']!.mapIds]).toEqual([['801', '802'], ['801'], ['801'], ['802']]);
  });

  it('publishes cadres by position and id, never by name, when names are withheld', async () => {
    const m = await model('{ "publishNames": false }');
    expect(m.cadres.P1!.displayName).toBe('Tỉnh ủy viên · P1');
    expect(JSON.stringify(m)).not.toContain('Nguyễn Văn Một');
  });
});
