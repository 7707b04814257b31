import type { Assignment } from '../types.ts';

/**
 * Cadres with at least one active assignment and no report of any type dated in the quarter.
 * `reportsByCadre` holds in-quarter report counts. Sorted by id.
 */
export function silentCadres(active: Assignment[], reportsByCadre: Map<string, { reports: number }>): string[] {
  const withAssignment = new Set(active.map((a) => a.cadreId));
  return [...withAssignment].filter((id) => (reportsByCadre.get(id)?.reports ?? 0) === 0).sort();
}
