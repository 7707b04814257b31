import type { Cadre, CadreLevel, Config, UnitLevel } from '../types.ts';

/** What the site publishes: which units and cadres get a page or a brief, and under which name. */
export interface PublishPolicy {
  unitPage(level: UnitLevel): boolean;
  unitBrief(level: UnitLevel): boolean;
  cadrePage(level: CadreLevel): boolean;
  /** The name, or position and id when config.json withholds names: a name then never reaches dist/. */
  cadreName(cadre: Cadre): string;
}

/** Groups are rows of their hamlet's page, commune cadres rows of their commune's. */
const PAGE_LEVELS = new Set<UnitLevel>(['province', 'district', 'commune', 'hamlet']);
/** The levels a leader takes a one-page brief of into a meeting. */
const BRIEF_LEVELS = new Set<UnitLevel>(['district', 'commune']);

export function publishPolicy(config: Pick<Config, 'publishNames'>): PublishPolicy {
  return {
    unitPage: (level) => PAGE_LEVELS.has(level),
    unitBrief: (level) => BRIEF_LEVELS.has(level),
    cadrePage: (level) => level !== 'commune',
    cadreName: (c) => (config.publishNames ? c.name : `${c.position ?? c.level} · ${c.id}`),
  };
}
