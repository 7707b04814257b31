import { describe, expect, it, vi } from 'vitest';
import { runCheck } from './run-check.ts';

vi.setConfig({ testTimeout: 60_000 });

const pairs = (json: { coverage: { cadreLevel: string; unitLevel: string; cadres: number; units: number; ratio: number }[] }) =>
  json.coverage.map((c) => `${c.cadreLevel}→${c.unitLevel} ${c.cadres}/${c.units} ${c.ratio}`);

describe('check on the committed data', () => {
  it('reports the Bến Tre seed figures for the demo', () => {
    const { code, json } = runCheck(['data', '--json']);
    expect(code).toBe(0);
    expect(json.quarter).toBe('2017-Q4');
    // 139 / 164 = 0.8476, 679 / 986 = 0.6886, 6038 / 14676 = 0.4114, rounded to three decimals.
    expect(pairs(json)).toEqual(['province→commune 139/164 0.848', 'district→hamlet 679/986 0.689', 'commune→group 6038/14676 0.411']);
    expect(json.errors).toEqual([]);
    // The generator dates two reports of each quarter just outside it; both quarters are checked.
    expect(json.warnings.filter((w: { code: string }) => w.code === 'report-outside-quarter')).toHaveLength(4);
  });

  it('reads the two-tier (post-2025) example with its own mapping', () => {
    const { code, json } = runCheck(['data/examples/two-tier', '--json']);
    expect(code).toBe(0);
    expect(json.coverage.map((c: { cadreLevel: string; unitLevel: string }) => `${c.cadreLevel}→${c.unitLevel}`)).toEqual(['province→commune', 'commune→hamlet']);
    expect(json.coverage[0].units).toBeGreaterThan(0);
  });

  it('reads the Can Lộc example, district cadres over communes', () => {
    const { code, json } = runCheck(['data/examples/can-loc', '--json']);
    expect(code).toBe(0);
    expect(json.coverage[0]).toMatchObject({ cadreLevel: 'district', unitLevel: 'commune', units: 23 });
  });

  it('puts Can Lộc’s five working groups side by side, commune committee members counted by their branch meetings', () => {
    const { json } = runCheck(['data/examples/can-loc', '--json']);
    const teams = json.teams as { team: string; coverage: { units: number }[]; activity: Record<string, { numerator: number }> }[];
    expect(teams.map((t) => t.team)).toEqual([1, 2, 3, 4, 5].map((n) => `Tổ công tác số ${n}`));
    // Each group follows communes (its district members) and hamlets (its commune committee members).
    for (const t of teams) expect(t.coverage.map((c) => c.units > 0)).toEqual([true, true]);
    // The hamlet pair counts branch meetings, so a group's attendance exceeds its meetings alone.
    for (const t of teams) expect(t.activity.attendance!.numerator).toBeGreaterThan(t.activity.meetingAttendance!.numerator);
    expect(json.departments.filter((d: { sponsored: { units: unknown[] } }) => d.sponsored.units.length > 0)).toHaveLength(8);
  });
});
