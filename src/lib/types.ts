/** Shared types of the domain core. Dates are ISO `YYYY-MM-DD` strings throughout. */

export type UnitLevel = 'province' | 'district' | 'commune' | 'hamlet' | 'group';
export type CadreLevel = 'province' | 'district' | 'commune';
export type Role = 'lead' | 'member';
export type ReportType = 'meeting' | 'branch_meeting' | 'visit' | 'issue' | 'other';
export type IssueStatus = 'open' | 'responded' | 'resolved';
export type FileName = 'units.csv' | 'cadres.csv' | 'assignments.csv' | 'reports.csv';

export interface Unit {
  id: string;
  name: string;
  level: UnitLevel;
  parentId: string | null;
  kind: string | null;
  region: string | null;
  /** The department that sponsors the unit (`đơn vị đỡ đầu`), as named in reports' `referred_to`. */
  sponsor: string | null;
  households: number | null;
  population: number | null;
  lat: number | null;
  lon: number | null;
  line: number;
}

export interface Cadre {
  id: string;
  name: string;
  level: CadreLevel;
  homeUnitId: string;
  position: string | null;
  field: string | null;
  team: string | null;
  gender: 'male' | 'female' | null;
  line: number;
}

export interface Assignment {
  cadreId: string;
  unitId: string;
  role: Role;
  start: string | null;
  end: string | null;
  line: number;
}

/** One issue report kept whole: issues are few beside all reports. */
export interface Issue {
  reportId: string;
  cadreId: string;
  unitId: string;
  date: string;
  topic: string | null;
  summary: string | null;
  referredTo: string | null;
  respondedOn: string | null;
  status: IssueStatus | null;
}

/**
 * A problem found in the input. `line` is the physical line on which the record starts
 * (header = 1). The message is rendered later, in the reader's language, from `code` and `params`.
 */
export interface Problem {
  file: string;
  line: number | null;
  column: string | null;
  value: string | null;
  /** Stable machine code of the message, e.g. `duplicate-id`. */
  code: string;
  params?: Record<string, string | number>;
  /** The export folder the file belongs to, e.g. `2017-Q4`. */
  quarter?: string;
}

export type Lang = 'vi' | 'en';

export interface CoveragePair {
  cadreLevel: CadreLevel;
  unitLevel: UnitLevel;
  /** The report types that attend a due month; absent means `['meeting']` (see attendanceTypesOf). */
  attendanceTypes?: ReportType[];
}

export interface Config {
  coverage: CoveragePair[];
  title: string;
  basePath: string;
  /** Internal tile server, e.g. `https://tiles.tinhuy.local/{z}/{x}/{y}.png`; null draws boundaries only. */
  tileUrl: string | null;
  tileAttribution: string | null;
  /** Scheme and host the site is served from, e.g. `https://tinhuy.example.vn`, for absolute links; null: root-relative. */
  siteUrl: string | null;
  overdueDays: number;
  /** The stated lines a figure is coloured or a cadre flagged against (config `thresholds`). */
  thresholds: Thresholds;
  /** false publishes cadres by position and id instead of by name. */
  publishNames: boolean;
  /** Issue topic → the cadre fields it calls for, keys and values folded; empty: a topic matches the field of the same name. */
  topicFields: Record<string, string[]>;
}

/**
 * The lines the site states on its About page and colours against; never a composite score.
 * Rates are shares (0.5 = 50 %).
 */
export interface Thresholds {
  /** A cadre's, a unit's or a group's attendance under this is flagged. */
  attendance: number;
  /** A share of units covered under this is coloured as a shortfall. */
  coverage: number;
  /** A median answer slower than this many days is coloured as slow. */
  responseDays: number;
  /** A rate's change since last quarter is coloured good or bad only from this many points (0.02 = 2 points). */
  rateChange: number;
  /** A count's change since last quarter is coloured good or bad only from this many. */
  countChange: number;
}

/** A quarter such as `2017-Q4`, with its first and last day. */
export interface Quarter {
  id: string;
  year: number;
  q: 1 | 2 | 3 | 4;
  start: string;
  end: string;
}
