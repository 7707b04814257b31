import type { CadreEntry, UnitEntry } from './types.ts';

/** Most in need first: most unattended units below (or itself unattended), lowest coverage, lowest attendance. */
export function byUrgency(children: UnitEntry[]): string[] {
  const unattended = (u: UnitEntry) => (u.area ? u.area.coverage.reduce((sum, c) => sum + c.unattended, 0) : Number(u.status === 'unattended'));
  const coverage = (u: UnitEntry) => {
    const first = u.area?.coverage.find((c) => c.units > 0);
    return first ? first.coverageRate! : Number(u.status === 'covered');
  };
  return [...children]
    .sort((a, b) => unattended(b) - unattended(a) || coverage(a) - coverage(b) || (a.attendance.rate ?? 0) - (b.attendance.rate ?? 0) || a.id.localeCompare(b.id))
    .map((u) => u.id);
}

/** Provincial cadres first, then district, then commune; within a level, those on most units first. */
export function bySeniority(ids: string[], cadres: Record<string, CadreEntry>): string[] {
  const rank = { province: 0, district: 1, commune: 2 };
  return ids.sort((a, b) => rank[cadres[a]!.level] - rank[cadres[b]!.level] || cadres[b]!.unitIds.length - cadres[a]!.unitIds.length || a.localeCompare(b));
}
