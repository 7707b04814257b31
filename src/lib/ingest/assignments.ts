import type { Findings } from '../findings.ts';
import type { Assignment } from '../types.ts';
import { parseDate } from '../values.ts';
import { parseRole } from '../vocabulary.ts';
import { type Chunks, problemAt, readTable, requireCell, type Row, type TableResult } from './table.ts';

/** Reads assignments.csv; row-level problems go to `found`, rows with errors are left out. */
export async function readAssignments(chunks: Chunks, found: Findings): Promise<TableResult<Assignment>> {
  const assignments: Assignment[] = [];
  const complete = await readTable('assignments.csv', chunks, found, (row) => {
    const before = found.errors.length;
    requireCell(row, 'cadre_id', found);
    requireCell(row, 'unit_id', found);
    const roleText = row.get('role');
    const role = roleText === '' ? 'lead' : parseRole(roleText);
    if (role === null) found.errors.push(problemAt(row, 'role', 'unknown-role'));
    const start = optionalDate(row, 'start_date', found);
    const end = optionalDate(row, 'end_date', found);
    if (start && end && end < start) found.warnings.push(problemAt(row, 'end_date', 'end-before-start', { start }));
    if (found.errors.length > before || role === null) return;
    assignments.push({ cadreId: row.get('cadre_id'), unitId: row.get('unit_id'), role, start, end, line: row.line });
  });
  return { records: assignments, ids: new Set(), complete };
}

/** An optional date cell: '' is null, an unreadable date is an error. */
export function optionalDate(row: Row, key: string, found: Findings): string | null {
  const raw = row.get(key);
  if (raw === '') return null;
  const iso = parseDate(raw);
  if (iso === null) found.errors.push(problemAt(row, key, 'bad-date'));
  return iso;
}
