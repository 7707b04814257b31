import type { Assignment } from '../types.ts';

const quote = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

/**
 * An assignments.csv in the contract's own format (UTF-8, `,`, ISO dates), to go as it is into
 * the next export. Ids are written exactly as they are: a spreadsheet-safe prefix would change them.
 */
export function assignmentsCsv(rows: Assignment[]): string {
  const lines = ['cadre_id,unit_id,role,start_date,end_date'];
  for (const r of rows) lines.push([r.cadreId, r.unitId, r.role, r.start ?? '', r.end ?? ''].map(quote).join(','));
  return `${lines.join('\n')}\n`;
}
