import type { Quarter } from './calendar.ts';
import type { Gender } from './names.ts';

/** The demo's own records, before they are written in an export's formats. */

export type UnitLevel = 'province' | 'district' | 'commune' | 'hamlet' | 'group';
export type CadreLevel = 'province' | 'district' | 'commune';

export interface Unit {
  id: string;
  name: string;
  level: UnitLevel;
  parentId: string | null;
  kind: string;
  region: string | null;
  /** The department that sponsors the unit, or null. */
  sponsor: string | null;
  households: number | null;
  population: number | null;
  lat: number | null;
  lon: number | null;
}

export interface Cadre {
  id: string;
  name: string;
  level: CadreLevel;
  homeUnitId: string;
  position: string;
  field: string;
  team: string;
  gender: Gender;
}

/** One assignment over its whole life; each export shows what was known at its quarter's end. */
export interface Assignment {
  cadreId: string;
  unitId: string;
  role: 'lead' | 'member';
  start: string | null;
  end: string | null;
}

export type ReportType = 'meeting' | 'branch_meeting' | 'visit' | 'issue' | 'other';

export interface Report {
  id: string;
  cadreId: string;
  unitId: string;
  date: string;
  type: ReportType;
  topic: string;
  summary: string;
  referredTo: string;
  respondedOn: string | null;
  status: '' | 'open' | 'responded' | 'resolved';
}

export interface Dataset {
  units: Unit[];
  cadres: Cadre[];
  assignments: Assignment[];
  quarters: Quarter[];
  /** The local authority an issue about this unit can be referred to, e.g. `UBND huyện Châu Thành`. */
  localOffice: (unitId: string) => string;
  /** Cadre levels whose monthly attendance is the unit's branch meeting rather than its meeting (Can Lộc's commune committee members). */
  branchMeetingLevels?: CadreLevel[];
}
