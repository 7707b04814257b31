import { urgency } from '../status.ts';
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

/**
 * The order cadres are listed in: those a provincial leader acts on directly (provincial, then
 * district cadres) first, then by urgency of their flags (see status.ts), then by name.
 */
export function byActionOrder(ids: readonly string[], cadres: Record<string, CadreEntry>): string[] {
  const rank = { province: 0, district: 1, commune: 2 };
  const key = (id: string) => cadres[id]!;
  return [...ids].sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    return rank[x.level] - rank[y.level] || urgency(x.flags) - urgency(y.flags) || x.displayName.localeCompare(y.displayName, 'vi') || a.localeCompare(b);
  });
}
