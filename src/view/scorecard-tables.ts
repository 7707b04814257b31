import { formatDate, formatInteger, formatPercent, formatPoints } from '../lib/format.ts';
import { strings } from '../lib/i18n.ts';
import type { DepartmentScorecardEntry, SiteModel, TeamEntry } from '../lib/model/types.ts';
import {
  DEPARTMENT_FIGURES, departmentValues, type FigureSpec, type FigureTrend, type FigureValues, figureTrends,
  REGION_FIGURES, regionValues, TEAM_FIGURES, teamValues,
} from '../lib/scorecard-figures.ts';
import { changeTone, shortfall } from '../lib/thresholds.ts';
import type { Lang } from '../lib/types.ts';
import { placeTitle } from './labels.ts';
import { href, pagePath } from './paths.ts';
import { cadresTable, type Column, type FigureCell, issuesTable, openIssueIds, type Row, type TableData, unitCell } from './tables.ts';

/**
 * The tables of the side-by-side pages (working groups, departments, regions) and of each group's
 * and department's scorecard page: one row per group, one figure per column, each with its change
 * since last quarter and its values over the quarters; the CSV and workbook carry each change as a
 * column of its own, and every quarter's figures in a history table.
 */

type Grain = 'team' | 'department' | 'region';

function figureLabel(grain: Grain, key: string, lang: Lang): string {
  const s = strings[lang].scorecards;
  const own = grain === 'department' ? s.departmentFigure[key] : grain === 'region' ? s.regionFigure[key] : undefined;
  return own ?? s.figure[key as keyof typeof s.figure];
}

function figureNote(model: SiteModel, key: string, lang: Lang): string {
  const note = strings[lang].scorecards.note[key as keyof (typeof strings)['vi']['scorecards']['note']];
  return typeof note === 'function' ? (note as (d: number) => string)(model.overdueDays) : note ?? '';
}

/** A figure's column, followed by its change (for the downloads only) when `withChange` and there is a quarter before. */
function figureColumns(model: SiteModel, specs: readonly FigureSpec[], grain: Grain, lang: Lang, withChange: boolean): Column[] {
  const t = strings[lang];
  return specs.flatMap((f): Column[] => {
    const label = figureLabel(grain, f.key, lang);
    const figure: Column = { key: f.key, label, type: f.kind === 'rate' ? 'rate' : 'int', note: figureNote(model, f.key, lang) };
    if (!withChange || model.quarters.length < 2) return [figure];
    return [figure, {
      key: `${f.key}Change`, label: `${label}: ${t.previousQuarter}`, type: f.kind === 'rate' ? 'rate' : 'delta',
      note: t.scorecards.note.change(label), downloadOnly: true,
    }];
  });
}

/** Each figure as a cell held to its stated threshold, with its change coloured by the stated change lines. */
function figureCells(model: SiteModel, specs: readonly FigureSpec[], trends: Record<string, FigureTrend>): Row {
  const th = model.thresholds;
  const row: Row = {};
  for (const f of specs) {
    const tr = trends[f.key]!;
    const cell: FigureCell = { value: tr.value, short: f.line ? shortfall[f.line](tr.value, th) : false };
    if (tr.series.length > 1) {
      cell.change = { value: tr.change, tone: f.better ? changeTone(tr.change, f.kind, f.better, th) : 'neutral', kind: f.kind };
      cell.trend = tr.series.map((value, i) => ({ quarter: model.quarters[i] ?? '', value }));
    }
    row[f.key] = cell;
    row[`${f.key}Change`] = tr.change;
  }
  return row;
}

const nameColumn = (grain: Grain, lang: Lang): Column => ({ key: 'name', label: strings[lang].scorecards.name[grain], type: 'text', note: strings[lang].scorecards.note.name });
const quarterColumn = (lang: Lang): Column => ({ key: 'quarter', label: strings[lang].quarter, type: 'text', note: strings[lang].scorecards.note.quarter });

export const teamTrends = (team: TeamEntry): Record<string, FigureTrend> => figureTrends(TEAM_FIGURES, team.history.map((h) => h && teamValues(h)));

/** Working groups side by side: one row each. */
export function teamsTable(model: SiteModel, lang: Lang, teams: TeamEntry[] = model.teams, id = 'teams', caption = strings[lang].scorecards.teamsTitle): TableData {
  return {
    id,
    caption,
    columns: [nameColumn('team', lang), ...figureColumns(model, TEAM_FIGURES, 'team', lang, true)],
    rows: teams.map((team) => ({ name: { text: team.name, href: href(lang, pagePath.team(team.slug)) }, ...figureCells(model, TEAM_FIGURES, teamTrends(team)) })),
  };
}

/** Every quarter's figures of the groups, oldest first: the trend lines as numbers. */
function historyTable<E extends { name: string }, K extends string>(
  model: SiteModel, lang: Lang, grain: Grain, specs: readonly FigureSpec<K>[], entries: E[], values: (e: E, quarter: number) => FigureValues<K> | null, id: string,
): TableData {
  return {
    id,
    caption: `${strings[lang].scorecards.history}: ${strings[lang].scorecards.name[grain]}`,
    columns: [quarterColumn(lang), nameColumn(grain, lang), ...figureColumns(model, specs, grain, lang, false)],
    rows: model.quarters.flatMap((quarter, i) => entries.flatMap((e) => {
      const v = values(e, i);
      return v ? [{ quarter, name: e.name, ...v }] : [];
    })),
  };
}

const teamHistory = (model: SiteModel, lang: Lang, teams: TeamEntry[], id: string) =>
  historyTable(model, lang, 'team', TEAM_FIGURES, teams, (team, i) => {
    const h = team.history[i];
    return h ? teamValues(h) : null;
  }, id);

export function teamsTables(model: SiteModel, lang: Lang) {
  return { teams: teamsTable(model, lang), history: teamHistory(model, lang, model.teams, 'teams-history') };
}

/** Units listed with their status, followers and attendance this quarter. */
function followedUnitsTable(model: SiteModel, id: string, caption: string, unitIds: string[], lang: Lang): TableData {
  const t = strings[lang];
  return {
    id,
    caption,
    columns: [{ key: 'unit', label: t.unit, type: 'text' }, { key: 'level', label: t.level, type: 'text' }, { key: 'parent', label: t.parent, type: 'text' },
      { key: 'followers', label: t.followers, type: 'text' }, { key: 'attendance', label: t.attendanceRate, type: 'rate' }],
    rows: unitIds.map((uid) => {
      const u = model.units[uid]!;
      return {
        unit: unitCell(model, uid, lang), level: t.levelTitle[u.level], parent: u.parentId ? unitCell(model, u.parentId, lang) : null,
        followers: u.followerIds.map((c) => model.cadres[c]?.displayName ?? c).join('; ') || null, attendance: u.attendance.rate,
      };
    }),
  };
}

export const teamById = (model: SiteModel, id: string): TeamEntry => model.teams.find((team) => team.id === id)!;

/** A working group's page: its figures, their history, its members, the units they follow, its silent members and its issues. */
export function teamTables(model: SiteModel, id: string, lang: Lang) {
  const s = strings[lang].scorecards;
  const team = teamById(model, id);
  const key = `team-${team.slug}`;
  const members = team.memberIds.filter((c) => model.cadres[c]);
  return {
    figures: teamsTable(model, lang, [team], key, s.figuresNow),
    history: teamHistory(model, lang, [team], `${key}-history`),
    members: cadresTable(model, `${key}-members`, s.members, members, lang),
    units: followedUnitsTable(model, `${key}-units`, s.units, team.unitIds, lang),
    silent: cadresTable(model, `${key}-silent`, s.silent, members.filter((c) => model.cadres[c]!.flags.includes('silent')), lang),
    issues: issuesTable(model, `${key}-issues`, s.issues, issuesOf(model, new Set(members.flatMap((c) => model.cadres[c]!.issueIds))), lang),
  };
}

/** The given issues, the unanswered ones first (oldest first), then the answered ones by date. */
function issuesOf(model: SiteModel, ids: Set<string>): string[] {
  const open = openIssueIds(model).filter((i) => ids.has(i));
  const answered = [...ids].filter((i) => model.issues[i]?.respondedOn).sort((a, b) => model.issues[a]!.date.localeCompare(model.issues[b]!.date) || a.localeCompare(b));
  return [...open, ...answered];
}

// Departments

/** How long the department's oldest unanswered issue has waited this quarter; earlier quarters' issues are not in the model. */
function departmentTrends(model: SiteModel, d: DepartmentScorecardEntry): Record<string, FigureTrend> {
  const oldest = d.figures.issues?.oldestUnansweredId;
  const age = oldest ? model.issues[oldest]?.ageDays ?? null : null;
  const last = d.history.length - 1;
  return figureTrends(DEPARTMENT_FIGURES, d.history.map((h, i) => h && departmentValues(h, i === last ? age : null)));
}

/** The oldest unanswered issue: its date and unit, linked to the unit's page, where it is listed. */
function oldestCell(model: SiteModel, d: DepartmentScorecardEntry, lang: Lang): Row['oldest'] {
  const id = d.figures.issues?.oldestUnansweredId;
  const issue = id ? model.issues[id] : undefined;
  if (!issue) return null;
  const unit = unitCell(model, issue.unitId, lang);
  const text = `${formatDate(issue.date, lang)} · ${placeTitle(model, issue.unitId, lang)}`;
  return { text, ...(typeof unit === 'object' && unit !== null && 'href' in unit && unit.href ? { href: unit.href } : {}) };
}

export function departmentScorecardsTable(
  model: SiteModel, lang: Lang, departments: DepartmentScorecardEntry[] = model.departmentScorecards, id = 'department-scorecards', caption = strings[lang].scorecards.departmentsTitle,
): TableData {
  const s = strings[lang].scorecards;
  const columns = [nameColumn('department', lang), ...figureColumns(model, DEPARTMENT_FIGURES, 'department', lang, true)];
  // The oldest issue itself beside how long it waited.
  const at = columns.findLastIndex((c) => c.key.startsWith('oldestDaysOpen')) + 1;
  columns.splice(at, 0, { key: 'oldest', label: s.oldest, type: 'text', note: s.note.oldest });
  return {
    id,
    caption,
    columns,
    rows: departments.map((d) => ({
      name: { text: d.name, href: href(lang, pagePath.department(d.slug)) },
      ...figureCells(model, DEPARTMENT_FIGURES, departmentTrends(model, d)),
      oldest: oldestCell(model, d, lang),
    })),
  };
}

const departmentHistory = (model: SiteModel, lang: Lang, departments: DepartmentScorecardEntry[], id: string) =>
  historyTable(model, lang, 'department', DEPARTMENT_FIGURES, departments, (d, i) => {
    const h = d.history[i];
    if (!h) return null;
    return { ...departmentValues(h, null), oldestDaysOpen: departmentTrends(model, d).oldestDaysOpen!.series[i] ?? null };
  }, id);

export function departmentScorecardsTables(model: SiteModel, lang: Lang) {
  return {
    departments: departmentScorecardsTable(model, lang),
    history: departmentHistory(model, lang, model.departmentScorecards, 'department-scorecards-history'),
  };
}

export const departmentById = (model: SiteModel, id: string): DepartmentScorecardEntry => model.departmentScorecards.find((d) => d.id === id)!;

/** The units a department sponsors: where they are, whether they are followed, by how many cadres, and attendance there. */
function sponsoredTable(model: SiteModel, d: DepartmentScorecardEntry, id: string, lang: Lang): TableData {
  const t = strings[lang];
  return {
    id,
    caption: t.scorecards.sponsored,
    columns: [{ key: 'unit', label: t.unit, type: 'text' }, { key: 'parent', label: t.parent, type: 'text' }, { key: 'status', label: t.status, type: 'text' },
      { key: 'followerCount', label: t.followers, type: 'int', note: t.scorecards.note.followerCount }, { key: 'attendance', label: t.attendanceRate, type: 'rate' }],
    rows: d.figures.sponsored.units.map((s) => {
      const u = model.units[s.unitId];
      return {
        unit: unitCell(model, s.unitId, lang), parent: u?.parentId ? unitCell(model, u.parentId, lang) : null,
        status: u && u.status !== 'none' ? { text: t.statusText[u.status]!, status: u.status } : null,
        followerCount: s.followers, attendance: s.attendance.rate,
      };
    }),
  };
}

/** A department's scorecard page: its figures, their history, the units it sponsors and the issues it received. */
export function departmentScorecardTables(model: SiteModel, id: string, lang: Lang) {
  const s = strings[lang].scorecards;
  const d = departmentById(model, id);
  const key = `department-${d.slug}`;
  const received = new Set(Object.values(model.issues).filter((i) => i.referredTo === d.name).map((i) => i.id));
  return {
    figures: departmentScorecardsTable(model, lang, [d], key, s.figuresNow),
    history: departmentHistory(model, lang, [d], `${key}-history`),
    sponsored: sponsoredTable(model, d, `${key}-units`, lang),
    issues: issuesTable(model, `${key}-issues`, s.received, issuesOf(model, received), lang),
  };
}

// Regions

/** Regions side by side from their area figures in each quarter; the model lists a region's cadres for the current quarter only. */
export function regionsTable(model: SiteModel, lang: Lang): TableData {
  return {
    id: 'regions',
    caption: strings[lang].scorecards.regionsTitle,
    columns: [nameColumn('region', lang), ...figureColumns(model, REGION_FIGURES, 'region', lang, true)],
    rows: model.regions.map((r) => {
      const last = r.history.length - 1;
      const history = r.history.map((area, i) => area && regionValues(area, i === last ? r.cadreIds.length : null));
      return { name: { text: r.name, href: href(lang, pagePath.region(r.slug)) }, ...figureCells(model, REGION_FIGURES, figureTrends(REGION_FIGURES, history)) };
    }),
  };
}

export function regionsTables(model: SiteModel, lang: Lang) {
  return { regions: regionsTable(model, lang) };
}

/** The thresholds the scorecards are coloured against, in plain words, for the page to state. */
export function thresholdsText(model: SiteModel, lang: Lang): string {
  const th = model.thresholds;
  return strings[lang].scorecards.thresholds(
    formatPercent(th.attendance, lang, 0), formatPercent(th.coverage, lang, 0), formatInteger(th.responseDays, lang),
    formatPoints(th.rateChange, lang).replace(/^\+/, ''), formatInteger(th.countChange, lang),
  );
}

