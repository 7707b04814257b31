import type { Findings } from '../findings.ts';
import type { Unit } from '../types.ts';
import { parseCount, parseDecimal } from '../values.ts';
import { parseUnitLevel } from '../vocabulary.ts';
import { type Chunks, problemAt, readTable, requireCell, type TableResult, type Row } from './table.ts';

/** Reads units.csv into units; row-level problems go to `found`, rows with errors are left out. */
export async function readUnits(chunks: Chunks, found: Findings): Promise<TableResult<Unit>> {
  const units: Unit[] = [];
  const seen = new Map<string, number>();
  const complete = await readTable('units.csv', chunks, found, (row) => {
    const before = found.errors.length;
    const ok = ['unit_id', 'name', 'level'].map((k) => requireCell(row, k, found)).every(Boolean);
    const id = row.get('unit_id');
    if (id !== '' && seen.has(id)) {
      found.errors.push(problemAt(row, 'unit_id', 'duplicate-id', { first: seen.get(id)! }));
    } else if (id !== '') seen.set(id, row.line);
    const level = parseUnitLevel(row.get('level'));
    if (ok && level === null) found.errors.push(problemAt(row, 'level', 'unknown-level'));
    const households = optionalNumber(row, 'households', parseCount, found);
    const population = optionalNumber(row, 'population', parseCount, found);
    const lat = optionalNumber(row, 'lat', parseDecimal, found);
    const lon = optionalNumber(row, 'lon', parseDecimal, found);
    if (lat !== null && Math.abs(lat) > 90) found.errors.push(problemAt(row, 'lat', 'bad-coordinate'));
    if (lon !== null && Math.abs(lon) > 180) found.errors.push(problemAt(row, 'lon', 'bad-coordinate'));
    if (found.errors.length > before || level === null) return;
    units.push({
      id,
      name: row.get('name'),
      level,
      parentId: row.get('parent_id') || null,
      kind: row.get('kind') || null,
      region: row.get('region') || null,
      sponsor: row.get('sponsor') || null,
      households,
      population,
      lat,
      lon,
      line: row.line,
    });
  });
  return { records: units, ids: new Set(seen.keys()), complete };
}

function optionalNumber(row: Row, key: string, parse: (s: string) => number | null, found: Findings): number | null {
  const raw = row.get(key);
  if (raw === '') return null;
  const value = parse(raw);
  if (value === null) found.errors.push(problemAt(row, key, key === 'lat' || key === 'lon' ? 'bad-coordinate' : 'bad-number'));
  return value;
}
