import { DuckDBInstance } from '@duckdb/node-api';
import { defaultConfig } from '../../src/lib/config.ts';
import { parseQuarter } from '../../src/lib/quarter.ts';

/**
 * The bench's peer: DuckDB reads the same four files of one export folder and computes what
 * `check --json` prints for it (counts, coverage per pair, attendance, silent cadres, issues) and
 * the validation joins (unknown or duplicate ids, unreadable dates and types), so the two can be
 * compared figure by figure. It covers the bench's export (default mapping, no config.json), not
 * every shape the contract allows: columns are taken by position, headers as written by the demo.
 */
export async function duckdbFigures(dir: string) {
  const name = dir.replace(/\/+$/, '').split('/').pop()!;
  const quarter = parseQuarter(name);
  if (!quarter) throw new Error(`not an export folder: ${dir}`);
  const db = await DuckDBInstance.create(':memory:');
  const sql = await db.connect();
  const csv = (file: string, names: string[]) =>
    `read_csv('${dir}/${file}', header = true, all_varchar = true, auto_detect = true, names = [${names.map((n) => `'${n}'`).join(', ')}])`;
  // The contract's words (English or Vietnamese) for levels and report types.
  const level = (col: string) => `CASE lower(trim(${col}))
    WHEN 'province' THEN 'province' WHEN 'tỉnh' THEN 'province'
    WHEN 'district' THEN 'district' WHEN 'huyện' THEN 'district' WHEN 'quận' THEN 'district' WHEN 'thị xã' THEN 'district'
    WHEN 'commune' THEN 'commune' WHEN 'xã' THEN 'commune' WHEN 'phường' THEN 'commune' WHEN 'thị trấn' THEN 'commune'
    WHEN 'hamlet' THEN 'hamlet' WHEN 'ấp' THEN 'hamlet' WHEN 'khu phố' THEN 'hamlet' WHEN 'thôn' THEN 'hamlet' WHEN 'bản' THEN 'hamlet'
    WHEN 'group' THEN 'group' WHEN 'tổ' THEN 'group' WHEN 'tổ dân phố' THEN 'group' WHEN 'tổ nhân dân tự quản' THEN 'group' END`;
  const reportType = (col: string) => `CASE lower(trim(${col}))
    WHEN 'meeting' THEN 'meeting' WHEN 'dự họp' THEN 'meeting' WHEN 'họp' THEN 'meeting'
    WHEN 'branch_meeting' THEN 'branch_meeting' WHEN 'sinh hoạt chi bộ' THEN 'branch_meeting'
    WHEN 'visit' THEN 'visit' WHEN 'đi cơ sở' THEN 'visit'
    WHEN 'issue' THEN 'issue' WHEN 'kiến nghị' THEN 'issue' WHEN 'other' THEN 'other' WHEN 'khác' THEN 'other' END`;
  const date = (col: string) => `coalesce(try_strptime(trim(${col}), '%Y-%m-%d'), try_strptime(trim(${col}), '%d/%m/%Y'))::DATE`;
  const end = `DATE '${quarter.end}'`;
  const start = `DATE '${quarter.start}'`;
  const pairs = defaultConfig.coverage;

  await sql.run(`
    CREATE TABLE units AS SELECT trim(unit_id) AS id, ${level('level')} AS level
      FROM ${csv('units.csv', ['unit_id', 'name', 'level', 'parent_id'])};
    CREATE TABLE cadres AS SELECT trim(cadre_id) AS id, ${level('level')} AS level
      FROM ${csv('cadres.csv', ['cadre_id', 'name', 'level', 'home_unit_id'])};
    CREATE TABLE assignments AS SELECT trim(cadre_id) AS cadre_id, trim(unit_id) AS unit_id,
      ${date('start_date')} AS start_date, ${date('end_date')} AS end_date
      FROM ${csv('assignments.csv', ['cadre_id', 'unit_id', 'role', 'start_date', 'end_date'])};
    CREATE TABLE reports AS SELECT trim(report_id) AS id, trim(cadre_id) AS cadre_id, trim(unit_id) AS unit_id,
      trim(date) AS date_text, ${date('date')} AS date, trim(type) AS type_text, ${reportType('type')} AS type,
      ${date('responded_on')} AS responded_on
      FROM ${csv('reports.csv', ['report_id', 'cadre_id', 'unit_id', 'date', 'type', 'topic', 'summary', 'referred_to', 'responded_on', 'status'])};
    CREATE TABLE active AS SELECT * FROM assignments
      WHERE (start_date IS NULL OR start_date <= ${end}) AND (end_date IS NULL OR end_date >= ${end});
    CREATE TABLE in_quarter AS SELECT * FROM reports WHERE type IS NOT NULL AND date BETWEEN ${start} AND ${end};
  `);
  const one = async (query: string): Promise<Record<string, number | null>> => {
    const rows = (await sql.runAndReadAll(query)).getRowObjectsJS();
    return Object.fromEntries(Object.entries(rows[0]!).map(([k, v]) => [k, v === null ? null : Number(v)]));
  };

  const validation = await one(`SELECT
    (SELECT count(*) FROM reports WHERE cadre_id NOT IN (SELECT id FROM cadres)) AS unknownCadres,
    (SELECT count(*) FROM reports WHERE unit_id NOT IN (SELECT id FROM units)) AS unknownUnits,
    (SELECT count(*) - count(DISTINCT id) FROM reports) AS duplicateIds,
    (SELECT count(*) FROM reports WHERE date IS NULL OR type IS NULL) AS unreadable,
    (SELECT count(*) FROM assignments WHERE cadre_id NOT IN (SELECT id FROM cadres) OR unit_id NOT IN (SELECT id FROM units)) AS unknownInAssignments`);
  const counts = await one(`SELECT (SELECT count(*) FROM units) AS units, (SELECT count(*) FROM cadres) AS cadres,
    (SELECT count(*) FROM assignments) AS assignments, (SELECT count(*) FROM reports) AS reports`);

  const coverage = [];
  for (const pair of pairs) {
    const c = await one(`WITH pa AS (
        SELECT a.cadre_id, a.unit_id FROM active a JOIN cadres c ON c.id = a.cadre_id AND c.level = '${pair.cadreLevel}'
        JOIN units u ON u.id = a.unit_id AND u.level = '${pair.unitLevel}'),
      per_cadre AS (SELECT c.id, count(DISTINCT pa.unit_id) AS n FROM cadres c LEFT JOIN pa ON pa.cadre_id = c.id
        WHERE c.level = '${pair.cadreLevel}' GROUP BY c.id)
      SELECT (SELECT count(*) FROM per_cadre) AS cadres, (SELECT count(*) FROM units WHERE level = '${pair.unitLevel}') AS units,
        (SELECT count(DISTINCT unit_id) FROM pa) AS covered,
        (SELECT count(*) FILTER (n > 1) FROM per_cadre) AS overloaded, (SELECT count(*) FILTER (n = 0) FROM per_cadre) AS idle`);
    const ratio = c.units ? Math.round((c.cadres! / c.units) * 1000) / 1000 : null;
    coverage.push({ cadreLevel: pair.cadreLevel, unitLevel: pair.unitLevel, cadres: c.cadres, units: c.units, ratio, covered: c.covered, unattended: c.units! - c.covered!, overloaded: c.overloaded, idle: c.idle });
  }

  const pairFilter = pairs.map((p) => `(c.level = '${p.cadreLevel}' AND u.level = '${p.unitLevel}')`).join(' OR ');
  const months = [0, 1, 2].map((i) => `DATE '${quarter.start}' + INTERVAL ${i} MONTH`).join(', ');
  const activity = await one(`WITH mapped AS (
      SELECT a.cadre_id, a.unit_id, min(a.start_date) AS start_date FROM active a
      JOIN cadres c ON c.id = a.cadre_id JOIN units u ON u.id = a.unit_id WHERE ${pairFilter} GROUP BY ALL),
    due AS (SELECT m.cadre_id, m.unit_id, month FROM mapped m, unnest([${months}]) AS t(month)
      WHERE month >= CASE WHEN m.start_date > ${start} THEN date_trunc('month', m.start_date) ELSE ${start} END),
    met AS (SELECT DISTINCT cadre_id, unit_id, date_trunc('month', date) AS month FROM in_quarter WHERE type = 'meeting')
    SELECT (SELECT count(*) FROM due) AS due, (SELECT count(*) FROM due JOIN met USING (cadre_id, unit_id, month)) AS attended,
      (SELECT count(DISTINCT cadre_id) FROM active WHERE cadre_id NOT IN (SELECT cadre_id FROM in_quarter)) AS silentCadres`);
  const issues = await one(`SELECT count(*) AS raised, count(responded_on) AS responded,
      median(responded_on - date) FILTER (responded_on >= date) AS medianDaysToResponse,
      count(*) FILTER (responded_on IS NULL AND ${end} - date > ${defaultConfig.overdueDays}) AS overdue
    FROM in_quarter WHERE type = 'issue'`);
  sql.closeSync();
  db.closeSync();
  return {
    quarter: quarter.id,
    counts,
    coverage,
    activity: { attendanceRate: activity.due ? Math.round((activity.attended! / activity.due) * 1000) / 1000 : null, silentCadres: activity.silentCadres },
    issues,
    errors: Object.values(validation).reduce((sum: number, n) => sum + (n ?? 0), 0),
  };
}
