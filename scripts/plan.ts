import { existsSync, statSync, writeFileSync } from 'node:fs';
import { formatDate, formatInteger } from '../src/lib/format.ts';
import { strings } from '../src/lib/i18n.ts';
import { loadData } from '../src/lib/load.ts';
import { assignmentsCsv } from '../src/lib/plan/csv.ts';
import { makePlan } from '../src/lib/plan/plan.ts';
import { capacitySentence, changeReason, type PlanNames } from '../src/lib/plan/text.ts';
import { parseCommandLine } from './lib/cli.ts';
import { solverInWorkers } from './lib/plan-solver.ts';
import { nodeSource, terminalProgress } from './lib/node-source.ts';
import { userPath } from './lib/output.ts';
import { problemLine } from './lib/report.ts';

const USAGE = `Usage: npm run plan -- DIR [--json] [--out FILE] [--max-changes N] [--lang vi|en]
  Proposes the fewest changes to the assignments of DIR's newest quarter so that every unit
  is followed, no cadre follows more than its share, and as few follow several or none.
  --out FILE         writes the proposed assignments.csv (a new file; never overwrites one)
  --max-changes N    at most N changes for each level pair`;

const { values, positionals, lang, fail: usage } = parseCommandLine(USAGE, {
  json: { type: 'boolean' }, out: { type: 'string' }, 'max-changes': { type: 'string' },
}, true);
if (positionals.length !== 1) usage('Give exactly one data folder.');
const dir = userPath(positionals[0]!);
if (!existsSync(dir) || !statSync(dir).isDirectory()) usage(`No such folder: ${dir}`);
const rawMax = values['max-changes'];
const maxChanges = rawMax === undefined ? null : /^\d+$/.test(String(rawMax)) ? Number(rawMax) : usage(`--max-changes must be a whole number, not "${rawMax}"`);
const out = typeof values.out === 'string' ? userPath(values.out) : null;
if (out && existsSync(out)) usage(`${out} exists already; choose a new file name.`);

const loaded = await loadData(dir, nodeSource(values.json ? undefined : terminalProgress()));
if (loaded.findings.errors.length > 0) {
  for (const p of loaded.findings.errors) process.stderr.write(`✗ ${problemLine(p, lang)}\n`);
  process.stderr.write(`${strings[lang].plan.cli.notMade(loaded.findings.errors.length)}\n`);
  process.exit(1);
}
const current = loaded.current!;
const solver = await solverInWorkers();
const plan = await makePlan(solver, current, loaded.config, maxChanges);
await solver.close();
const unitById = current.hierarchy.byId;
const cadreById = new Map(current.data.cadres.map((c) => [c.id, c]));
const names: PlanNames = { unit: (id) => unitById.get(id)?.name ?? id, cadre: (id) => cadreById.get(id)?.name ?? id };

if (out) writeFileSync(out, assignmentsCsv(plan.assignments), { flag: 'wx' });

if (values.json) {
  process.stdout.write(`${JSON.stringify({
    quarter: plan.quarter,
    effectiveFrom: plan.effectiveFrom,
    pairs: plan.pairs.map((p) => ({
      cadreLevel: p.cadreLevel, unitLevel: p.unitLevel,
      before: p.before, after: p.after,
      minimumOverloaded: p.minimumOverloaded,
      cadresNeededForOneEach: p.cadresNeededForOneEach,
      capacity: capacitySentence(p, lang),
      unreachable: p.unreachable.map((u) => u.unitId),
      changes: p.changes.map((c) => ({ action: c.action, cadreId: c.cadreId, unitId: c.unitId, reason: changeReason(c, names, lang) })),
    })),
  }, null, 2)}\n`);
} else {
  const t = strings[lang];
  const say = t.plan.cli;
  const n = (v: number) => formatInteger(v, lang);
  const lines: string[] = [say.heading(plan.quarter, formatDate(plan.effectiveFrom, lang))];
  for (const p of plan.pairs) {
    lines.push('', `${t.cadresOf[p.cadreLevel]} → ${t.unitNoun[p.unitLevel](2)}: ${capacitySentence(p, lang)}`);
    const row = (label: string, f: typeof p.before) => `  ${label.padEnd(14)} ${t.cli.covered} ${n(f.covered)}, ${t.cli.unattended} ${n(f.unattended)}, ${t.cli.overloaded} ${n(f.overloaded)}, ${t.cli.idle} ${n(f.idle)}, ${say.most} ${n(f.maxLoad)}`;
    lines.push(row(t.plan.before, p.before), row(t.plan.after, p.after));
    lines.push(`  ${say.changes(n(p.changes.length), p.changes.length)}${plan.maxChanges === null ? '' : ` (${say.atMost(n(plan.maxChanges))})`}`);
    for (const c of p.changes) {
      const sign = c.action === 'add' ? '+' : '−';
      lines.push(`    ${sign} ${names.cadre(c.cadreId)} (${c.cadreId}) ${c.action === 'add' ? '→' : '✕'} ${names.unit(c.unitId)} (${c.unitId}): ${changeReason(c, names, lang)}`);
    }
    if (p.unreachable.length > 0) {
      lines.push(`  ${say.unreachable(n(p.unreachable.length))}: ${p.unreachable.slice(0, 20).map((u) => names.unit(u.unitId)).join(', ')}${p.unreachable.length > 20 ? ', …' : ''}`);
    }
  }
  if (out) lines.push('', say.wrote(out));
  process.stdout.write(`${lines.join('\n')}\n`);
}
