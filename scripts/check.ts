import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
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
  const vi = lang === 'vi';
  const out: string[] = [];
  const current = loaded.quarters.at(-1)?.figures;
  if (current) {
    out.push(`${vi ? 'Kỳ' : 'Quarter'} ${current.quarter}: ${formatInteger(current.counts.units, lang)} ${vi ? 'đơn vị' : 'units'}, ${formatInteger(current.counts.cadres, lang)} ${vi ? 'cán bộ' : 'cadres'}, ${formatInteger(current.counts.assignments, lang)} ${vi ? 'phân công' : 'assignments'}, ${formatInteger(current.counts.reports, lang)} ${vi ? 'báo cáo' : 'reports'}`);
    for (const c of current.coverage) {
      out.push(`  ${c.cadreLevel} → ${c.unitLevel}: ${formatInteger(c.cadres, lang)}/${formatInteger(c.units, lang)} = ${formatDecimal(c.ratio, 3, lang)}; ${vi ? 'có người theo dõi' : 'covered'} ${formatInteger(c.covered, lang)}, ${vi ? 'chưa có' : 'unattended'} ${formatInteger(c.unattended, lang)}, ${vi ? 'ôm hai nơi trở lên' : 'overloaded'} ${formatInteger(c.overloaded, lang)}, ${vi ? 'chưa được phân công' : 'idle'} ${formatInteger(c.idle, lang)}`);
    }
    if (current.activity) out.push(`  ${vi ? 'Dự họp' : 'Attendance'}: ${formatPercent(current.activity.attendanceRate, lang)}; ${vi ? 'cán bộ không báo cáo' : 'silent cadres'}: ${formatInteger(current.activity.silentCadres, lang)}`);
    if (current.issues) out.push(`  ${vi ? 'Kiến nghị' : 'Issues'}: ${formatInteger(current.issues.raised, lang)}, ${vi ? 'đã phản hồi' : 'responded'} ${formatInteger(current.issues.responded, lang)}, ${vi ? 'trung vị' : 'median'} ${current.issues.medianDaysToResponse ?? '—'} ${vi ? 'ngày' : 'days'}, ${vi ? 'quá hạn' : 'overdue'} ${formatInteger(current.issues.overdue, lang)}`);
  }
  const { errors, warnings } = loaded.findings;
  if (errors.length > 0) {
    out.push(`${formatInteger(errors.length, lang)} ${vi ? 'lỗi' : errors.length === 1 ? 'error' : 'errors'}:`);
    for (const p of errors) out.push(`  ✗ ${problemLine(p, lang)}`);
  }
  if (warnings.length > 0) {
    out.push(`${formatInteger(warnings.length, lang)} ${vi ? 'cảnh báo' : warnings.length === 1 ? 'warning' : 'warnings'}:`);
    for (const p of warnings) out.push(`  ! ${problemLine(p, lang)}`);
  }
  out.push(ok ? (vi ? 'Dữ liệu hợp lệ.' : 'The export is valid.') : (vi ? 'Dữ liệu có lỗi: hãy sửa rồi chạy lại.' : 'The export has errors: fix them and run again.'));
  (ok ? process.stdout : process.stderr).write(`${out.join('\n')}\n`);
}
process.exitCode = ok ? 0 : 1;
