import type { QuarterFigures } from '../../src/lib/analyse.ts';
import { strings } from '../../src/lib/i18n.ts';
import type { LoadedData } from '../../src/lib/load.ts';
import { describeProblem } from '../../src/lib/messages.ts';
import type { Lang, Problem } from '../../src/lib/types.ts';

/** A problem as printed: where, what, and the message in the reader's language. */
export function problemJson(p: Problem, lang: Lang) {
  return { quarter: p.quarter ?? null, file: p.file, line: p.line, column: p.column, value: p.value, code: p.code, message: describeProblem(p, lang) };
}

/** The `check --json` object: figures of the newest quarter, then every error and warning. */
export function checkJson(loaded: LoadedData, lang: Lang) {
  const current: QuarterFigures | undefined = loaded.quarters.at(-1)?.figures;
  return {
    quarter: current?.quarter ?? null,
    counts: current?.counts ?? null,
    coverage: current?.coverage ?? [],
    activity: current ? current.activity && { attendanceRate: current.activity.attendanceRate, silentCadres: current.activity.silentCadres } : null,
    issues: current?.issues ?? null,
    teams: current?.teams ?? [],
    departments: current?.departments ?? [],
    errors: loaded.findings.errors.map((p) => problemJson(p, lang)),
    warnings: loaded.findings.warnings.map((p) => problemJson(p, lang)),
  };
}

/** `2017-Q4/units.csv, dòng 12, cột parent_id, giá trị "999": …` */
export function problemLine(p: Problem, lang: Lang): string {
  const where = [p.quarter ? `${p.quarter}/${p.file}` : p.file];
  const t = strings[lang].cli;
  if (p.line !== null) where.push(`${t.line} ${p.line}`);
  if (p.column !== null) where.push(`${t.column} ${p.column}`);
  if (p.value !== null) where.push(`${t.value} "${p.value}"`);
  return `${where.join(', ')}: ${describeProblem(p, lang)}`;
}
