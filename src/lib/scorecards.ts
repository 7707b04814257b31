import { type Fraction, type GrainFigures, type IssueFigures, type Membership, type PairFigures, type QuarterFacts, attendanceBy, rollUp } from './grains.ts';
import type { CadreActivity } from './ingest/reports.ts';
import type { AssignmentAttendance } from './metrics/attendance.ts';
import { ratio, round3 } from './metrics/ratio.ts';
import { dayNumber } from './quarter.ts';
import type { CoveragePair, Issue } from './types.ts';

/**
 * Working groups (cadre `team`) and departments (unit `sponsor`, issue `referred_to`) as grains.
 * Unlike an area, a row counts here by its own attribute, never by its unit's: a cadre, its
 * assignments and its issues count in the cadre's team, not in the teams of whoever else follows
 * the same unit; an issue counts in the department it was referred to, not in its commune's sponsor.
 */

export const teamKey = (team: string): string => `team:${team}`;
export const departmentKey = (department: string): string => `department:${department}`;

/**
 * A unit counts in the teams of the cadres that follow it (any pair) and in the department that
 * sponsors it; a cadre in its team and, for a pair, in the sponsors of the units it follows through
 * that pair (as an area counts the cadres following its units); an assignment in its cadre's team
 * and its unit's sponsor; an issue in its cadre's team and the department it was referred to.
 */
export function teamAndDepartmentMembership(facts: QuarterFacts): Membership {
  const teamOf = (cadreId: string): string[] => {
    const team = facts.cadres.get(cadreId)?.team;
    return team ? [teamKey(team)] : [];
  };
  const sponsorOf = (unitId: string): string[] => {
    const sponsor = facts.units.get(unitId)?.sponsor;
    return sponsor ? [departmentKey(sponsor)] : [];
  };
  const unitKeys = new Map<string, Set<string>>();
  for (const unit of facts.units.values()) if (unit.sponsor) unitKeys.set(unit.id, new Set(sponsorOf(unit.id)));
  for (const detail of facts.coverage) {
    for (const [cadreId, units] of detail.unitsOfCadre) {
      const team = teamOf(cadreId)[0];
      if (team === undefined) continue;
      for (const unitId of units) {
        let keys = unitKeys.get(unitId);
        if (!keys) unitKeys.set(unitId, (keys = new Set()));
        keys.add(team);
      }
    }
  }
  const unit = (unitId: string): readonly string[] => [...(unitKeys.get(unitId) ?? [])];
  const cadre = (details: QuarterFacts['coverage'], cadreId: string): readonly string[] =>
    [...new Set([...teamOf(cadreId), ...details.flatMap((d) => [...(d.unitsOfCadre.get(cadreId) ?? [])].flatMap(sponsorOf))])];
  return {
    unit,
    cadre: (pair, cadreId) => cadre([facts.coverage[pair]!], cadreId),
    cadreInAnyPair: (cadreId) => cadre(facts.coverage, cadreId),
    assignment: (cadreId, unitId) => [...teamOf(cadreId), ...sponsorOf(unitId)],
    issue: (issue) => [...teamOf(issue.cadreId), ...(issue.referredTo ? [departmentKey(issue.referredTo)] : [])],
  };
}

/** What the reports add beyond the grain facts: attendance counted by one report type each, and activity per cadre. */
export interface ActivityFacts {
  /** Attendance of the same assignments counting only `meeting` reports, and only `branch_meeting` reports. */
  meetingAttendance: AssignmentAttendance[];
  branchMeetingAttendance: AssignmentAttendance[];
  byCadre: Map<string, CadreActivity>;
}

export interface TeamScorecard {
  team: string;
  /** Cadres of the team, by id. */
  members: string[];
  /** Units the members follow through any pair, by id. */
  units: string[];
  /** Per pair: the team's units of the followed level, covered and unattended, its members of the cadre level. */
  coverage: PairFigures[];
  /** null when the export has no reports.csv. */
  activity: {
    /** Months attended over months due, by each pair's attendanceTypes. */
    attendance: Fraction;
    meetingAttendance: Fraction;
    branchMeetingAttendance: Fraction;
    /** Visit reports over members. */
    visits: Fraction;
    /** Silent members over members. */
    silentMembers: Fraction;
    issues: IssueFigures;
  } | null;
}

export interface SponsoredUnit {
  unitId: string;
  /** Cadres with an active assignment to the unit, through any pair. */
  followers: number;
  attendance: Fraction;
}

export interface DepartmentScorecard {
  department: string;
  /** The issues referred to the department: received = raised. null when the export has no reports.csv. */
  issues: (IssueFigures & { oldestUnanswered: { issue: Issue; daysOpen: number } | null }) | null;
  /** The units it sponsors, by id, and their figures: coverage per pair, attendance over their assignments. */
  sponsored: { units: SponsoredUnit[]; coverage: PairFigures[]; attendance: Fraction | null };
}

export interface Scorecards {
  teams: TeamScorecard[];
  departments: DepartmentScorecard[];
}

const byName = new Intl.Collator('vi', { numeric: true }).compare;

/** Every working group's and department's scorecard for the quarter; `activity` is null without reports.csv. */
export function scorecards(facts: QuarterFacts, activity: ActivityFacts | null): Scorecards {
  const membership = teamAndDepartmentMembership(facts);
  const grains = rollUp(facts, membership);
  const meetings = attendanceBy(activity?.meetingAttendance ?? [], (row) => membership.assignment(row.cadreId, row.unitId));
  const branchMeetings = attendanceBy(activity?.branchMeetingAttendance ?? [], (row) => membership.assignment(row.cadreId, row.unitId));
  const grain = (key: string): GrainFigures => grains.get(key) ?? emptyGrain(facts.coverage.length);

  const membersOf = new Map<string, string[]>();
  for (const c of facts.cadres.values()) if (c.team) push(membersOf, c.team, c.id);
  const unitsOf = new Map<string, Set<string>>();
  for (const detail of facts.coverage) {
    for (const [cadreId, units] of detail.unitsOfCadre) {
      const team = facts.cadres.get(cadreId)?.team;
      if (!team) continue;
      let set = unitsOf.get(team);
      if (!set) unitsOf.set(team, (set = new Set()));
      for (const u of units) set.add(u);
    }
  }
  const teams = [...membersOf.keys()].sort(byName).map((team): TeamScorecard => {
    const members = membersOf.get(team)!;
    const g = grain(teamKey(team));
    const visits = members.reduce((n, id) => n + (activity?.byCadre.get(id)?.visits ?? 0), 0);
    return {
      team, members, units: [...(unitsOf.get(team) ?? [])].sort(),
      coverage: g.coverage,
      activity: activity && {
        attendance: fraction(g.attendance.attended, g.attendance.due),
        meetingAttendance: attended(meetings.get(teamKey(team))),
        branchMeetingAttendance: attended(branchMeetings.get(teamKey(team))),
        visits: fraction(visits, members.length),
        silentMembers: fraction(g.silentCadres, members.length),
        issues: g.issues,
      },
    };
  });

  const sponsoredOf = new Map<string, string[]>();
  for (const u of facts.units.values()) if (u.sponsor) push(sponsoredOf, u.sponsor, u.id);
  const issuesOf = new Map<string, Issue[]>();
  for (const issue of facts.issues) if (issue.referredTo) push(issuesOf, issue.referredTo, issue);
  const followers = new Map<string, string[]>();
  for (const detail of facts.coverage) {
    for (const [cadreId, units] of detail.unitsOfCadre) {
      for (const u of units) if (facts.units.get(u)?.sponsor) push(followers, u, cadreId);
    }
  }
  const unitAttendance = attendanceBy(facts.attendance, (row) => (facts.units.get(row.unitId)?.sponsor ? [row.unitId] : []));
  const end = dayNumber(facts.quarter.end);
  const departments = [...new Set([...issuesOf.keys(), ...sponsoredOf.keys()])].sort(byName).map((department): DepartmentScorecard => {
    const g = grain(departmentKey(department));
    // Issues are in file order, so the first of the earliest date is the one listed.
    const oldest = (issuesOf.get(department) ?? []).reduce<Issue | null>((o, i) => (i.respondedOn === null && (o === null || i.date < o.date) ? i : o), null);
    return {
      department,
      issues: activity && { ...g.issues, oldestUnanswered: oldest && { issue: oldest, daysOpen: end - dayNumber(oldest.date) } },
      sponsored: {
        units: (sponsoredOf.get(department) ?? []).map((unitId) => ({
          unitId, followers: followers.get(unitId)?.length ?? 0, attendance: attended(unitAttendance.get(unitId)),
        })),
        coverage: g.coverage,
        attendance: activity && fraction(g.attendance.attended, g.attendance.due),
      },
    };
  });
  return { teams, departments };
}

/** A pair's figures as `check --json` prints them. */
export interface PublishedPair {
  cadreLevel: CoveragePair['cadreLevel'];
  unitLevel: CoveragePair['unitLevel'];
  units: number;
  covered: number;
  unattended: number;
  coverageRate: number | null;
  cadres: number;
}

/** The scorecards as `check --json` prints them: counts rather than id lists, rates rounded to three decimals. */
export function publishScorecards({ teams, departments }: Scorecards, pairs: readonly CoveragePair[]) {
  const coverage = (figures: PairFigures[]): PublishedPair[] => figures.map((c, i) => ({
    cadreLevel: pairs[i]!.cadreLevel, unitLevel: pairs[i]!.unitLevel,
    units: c.units, covered: c.covered, unattended: c.unattended, coverageRate: round3(c.coverageRate), cadres: c.cadres,
  }));
  const issues = (i: IssueFigures) => ({
    raised: i.raised, responded: rounded(fraction(i.responded, i.raised)), medianDaysToResponse: i.medianDaysToResponse, overdue: rounded(fraction(i.overdue, i.raised)),
  });
  return {
    teams: teams.map((t) => ({
      team: t.team, members: t.members.length, units: t.units.length, coverage: coverage(t.coverage),
      activity: t.activity && {
        attendance: rounded(t.activity.attendance), meetingAttendance: rounded(t.activity.meetingAttendance),
        branchMeetingAttendance: rounded(t.activity.branchMeetingAttendance), visits: rounded(t.activity.visits),
        silentMembers: rounded(t.activity.silentMembers), issues: issues(t.activity.issues),
      },
    })),
    departments: departments.map((d) => ({
      department: d.department,
      issues: d.issues && {
        received: d.issues.raised, answered: rounded(fraction(d.issues.responded, d.issues.raised)),
        medianDaysToResponse: d.issues.medianDaysToResponse, overdue: rounded(fraction(d.issues.overdue, d.issues.raised)),
        oldestUnanswered: d.issues.oldestUnanswered && {
          reportId: d.issues.oldestUnanswered.issue.reportId, unitId: d.issues.oldestUnanswered.issue.unitId,
          date: d.issues.oldestUnanswered.issue.date, daysOpen: d.issues.oldestUnanswered.daysOpen,
        },
      },
      sponsored: {
        units: d.sponsored.units.map((u) => ({ unitId: u.unitId, followers: u.followers, attendance: rounded(u.attendance) })),
        coverage: coverage(d.sponsored.coverage),
        attendance: d.sponsored.attendance && rounded(d.sponsored.attendance),
      },
    })),
  };
}

export type PublishedScorecards = ReturnType<typeof publishScorecards>;

function fraction(numerator: number, denominator: number): Fraction {
  return { numerator, denominator, rate: ratio(numerator, denominator) };
}

function attended(a: GrainFigures['attendance'] | undefined): Fraction {
  return fraction(a?.attended ?? 0, a?.due ?? 0);
}

function rounded(f: Fraction): Fraction {
  return { ...f, rate: round3(f.rate) };
}

function emptyGrain(pairs: number): GrainFigures {
  return {
    coverage: Array.from({ length: pairs }, (_, pair) => ({ pair, units: 0, covered: 0, unattended: 0, coverageRate: null, cadres: 0, ratio: null, overloaded: 0, aboveLine: 0, idle: 0 })),
    attendance: { due: 0, attended: 0, rate: null },
    silentCadres: 0,
    issues: { raised: 0, responded: 0, medianDaysToResponse: null, overdue: 0 },
  };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
