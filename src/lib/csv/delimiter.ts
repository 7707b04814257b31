export type Delimiter = ',' | ';' | '\t';

const CANDIDATES: readonly Delimiter[] = [',', ';', '\t'];

/**
 * The delimiter of a file, guessed from its header line: the candidate seen most often
 * outside double quotes. Ties go to the earlier of `,` `;` tab, and no candidate at all to `,`
 * (a one-column file). A Vietnamese Excel writes `;` because `,` is its decimal mark.
 */
export function detectDelimiter(headerLine: string): Delimiter {
  const counts = new Map<string, number>(CANDIDATES.map((c) => [c, 0]));
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted; // a doubled quote toggles twice: still right
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best: Delimiter = ',';
  for (const c of CANDIDATES) if (counts.get(c)! > counts.get(best)!) best = c;
  return best;
}
