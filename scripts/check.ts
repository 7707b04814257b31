import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { strings } from '../src/lib/i18n.ts';
import { loadData } from '../src/lib/load.ts';
import { formatDecimal, formatInteger, formatPercent } from '../src/lib/format.ts';
import { parseCommandLine } from './lib/cli.ts';
import { readBoundaries } from './lib/boundaries.ts';
import { nodeSource, terminalProgress } from './lib/node-source.ts';
import { checkJson, problemLine } from './lib/report.ts';

const USAGE = `Usage: npm run check -- DIR [--json] [--lang vi|en]
  DIR   a data folder (with exports/YYYY-Qn/ and an optional config.json) or one export folder`;

const { values, positionals, lang, fail: usage } = parseCommandLine(USAGE, { json: { type: 'boolean' } }, true);
if (positionals.length !== 1) usage('Give exactly one data folder.');
const dir = positionals[0]!;
if (!existsSync(dir) || !statSync(dir).isDirectory()) usage(`No such folder: ${dir}`);

const loaded = await loadData(dir, nodeSource(values.json ? undefined : terminalProgress()));
// The boundaries as the build reads them: a file that would stop the build fails the check.
loaded.findings.errors.push(...readBoundaries(join(dir, 'boundaries')).errors);
const ok = loaded.findings.errors.length === 0;

if (values.json) {
  process.stdout.write(`${JSON.stringify(checkJson(loaded, lang), null, 2)}\n`);
} else {
  const t = strings[lang].cli;
  const n = (x: number) => formatInteger(x, lang);
  const out: string[] = [];
  const current = loaded.quarters.at(-1)?.figures;
  if (current) {
    out.push(`${t.quarter} ${current.quarter}: ${n(current.counts.units)} ${t.units}, ${n(current.counts.cadres)} ${t.cadres}, ${n(current.counts.assignments)} ${t.assignments}, ${n(current.counts.reports)} ${t.reports}`);
    for (const c of current.coverage) {
      out.push(`  ${c.cadreLevel} → ${c.unitLevel}: ${n(c.cadres)}/${n(c.units)} = ${formatDecimal(c.ratio, 3, lang)}; ${t.covered} ${n(c.covered)}, ${t.unattended} ${n(c.unattended)}, ${t.overloaded} ${n(c.overloaded)}, ${t.idle} ${n(c.idle)}`);
    }
    if (current.activity) out.push(`  ${t.attendance}: ${formatPercent(current.activity.attendanceRate, lang)}; ${t.silent}: ${n(current.activity.silentCadres)}`);
    if (current.issues) out.push(`  ${t.issues}: ${n(current.issues.raised)}, ${t.responded} ${n(current.issues.responded)}, ${t.median} ${current.issues.medianDaysToResponse ?? '—'} ${t.days}, ${t.overdue} ${n(current.issues.overdue)}`);
    // Working groups one line each; departments in one line, naming the three with the most overdue issues.
    if (current.teams.length > 0) {
      out.push(`  ${t.teams} (${n(current.teams.length)}; ${t.byDepartment}):`);
      for (const team of current.teams) {
        const a = team.activity;
        out.push(`    ${team.team}: ${n(team.members)} ${t.members}, ${n(team.units)} ${t.followed}${a ? `; ${t.attendance.toLocaleLowerCase(lang)} ${formatPercent(a.attendance.rate, lang)}, ${t.silent} ${n(a.silentMembers.numerator)}, ${t.overdue} ${n(a.issues.overdue.numerator)}` : ''}`);
      }
    }
    if (current.departments.length > 0) {
      const late = current.departments.filter((d) => (d.issues?.overdue.numerator ?? 0) > 0).sort((x, y) => y.issues!.overdue.numerator - x.issues!.overdue.numerator);
      const most = late.slice(0, 3).map((d) => `${d.department} (${n(d.issues!.overdue.numerator)})`).join(', ');
      out.push(`  ${t.departments}: ${n(current.departments.length)}${late.length > 0 ? `; ${t.withOverdue}: ${n(late.length)}, ${t.most} ${most}` : ''}`);
    }
  }
  const { errors, warnings } = loaded.findings;
  if (errors.length > 0) {
    out.push(`${n(errors.length)} ${t.errors(errors.length)}:`);
    for (const p of errors) out.push(`  ✗ ${problemLine(p, lang)}`);
  }
  if (warnings.length > 0) {
    out.push(`${n(warnings.length)} ${t.warnings(warnings.length)}:`);
    for (const p of warnings) out.push(`  ! ${problemLine(p, lang)}`);
  }
  out.push(ok ? t.valid : t.invalid);
  (ok ? process.stdout : process.stderr).write(`${out.join('\n')}\n`);
}
process.exitCode = ok ? 0 : 1;
