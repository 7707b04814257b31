import type { Findings } from '../findings.ts';
import type { Cadre } from '../types.ts';
import { parseCadreLevel, parseGender } from '../vocabulary.ts';
import { type Chunks, problemAt, readTable, requireCell, type TableResult } from './table.ts';

/** Reads cadres.csv; row-level problems go to `found`, rows with errors are left out. */
export async function readCadres(chunks: Chunks, found: Findings): Promise<TableResult<Cadre>> {
  const cadres: Cadre[] = [];
  const seen = new Map<string, number>();
  const complete = await readTable('cadres.csv', chunks, found, (row) => {
    const before = found.errors.length;
    const ok = ['cadre_id', 'name', 'level', 'home_unit_id'].map((k) => requireCell(row, k, found)).every(Boolean);
    const id = row.get('cadre_id');
    if (id !== '' && seen.has(id)) found.errors.push(problemAt(row, 'cadre_id', 'duplicate-id', { first: seen.get(id)! }));
    else if (id !== '') seen.set(id, row.line);
    const level = parseCadreLevel(row.get('level'));
    if (ok && level === null) found.errors.push(problemAt(row, 'level', 'unknown-cadre-level'));
    const genderText = row.get('gender');
    const gender = genderText === '' ? null : parseGender(genderText);
    if (genderText !== '' && gender === null) found.warnings.push(problemAt(row, 'gender', 'unknown-gender'));
    if (found.errors.length > before || level === null) return;
    cadres.push({
      id,
      name: row.get('name'),
      level,
      homeUnitId: row.get('home_unit_id'),
      position: row.get('position') || null,
      field: row.get('field') || null,
      team: row.get('team') || null,
      gender,
      line: row.line,
    });
  });
  return { records: cadres, ids: new Set(seen.keys()), complete };
}
