import { hsl, rgb } from 'd3';

/**
 * Colour-blind-safe colours for every chart and map of the dashboard.
 *
 * Categories use Okabe & Ito (2008), which stays distinguishable under the common
 * colour-vision deficiencies. Statuses keep one colour everywhere so a reader learns it once:
 *   covered     #0072B2 blue        (white text on it: 5.1:1)
 *   unattended  #D55E00 vermillion  (dark text on it: 4.9:1; white is only 3.8:1)
 *   overloaded  #E69F00 orange      (dark text)
 *   idle        #CC79A7 pink        (dark text)
 *   normal      #56B4E9 sky blue    (a cadre following exactly one unit; dark text)
 *   noData      #BBBBBB grey        (dark text)
 * Light fills (orange, pink, sky blue, grey) are below 3:1 against white, so charts never
 * rely on colour alone: every bar has a text label, and light fills get a darker outline.
 * Text is `ink` (18:1 on white) or `inkMuted` (7:1); `textOn(fill)` picks the text colour
 * for a label drawn on a fill, `legible(colour)` darkens a colour until it passes 4.5:1 on white.
 */

export const OKABE_ITO = {
  black: '#000000',
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
} as const;

export const STATUS = {
  covered: OKABE_ITO.blue,
  unattended: OKABE_ITO.vermillion,
  overloaded: OKABE_ITO.orange,
  idle: OKABE_ITO.reddishPurple,
  normal: OKABE_ITO.skyBlue,
  noData: '#BBBBBB',
} as const;

/** Series colours in order; yellow is left out, it vanishes on white. */
export const CATEGORICAL: readonly string[] = [
  OKABE_ITO.blue,
  OKABE_ITO.orange,
  OKABE_ITO.bluishGreen,
  OKABE_ITO.vermillion,
  OKABE_ITO.reddishPurple,
  OKABE_ITO.skyBlue,
  OKABE_ITO.black,
];

/**
 * The map's sequential scale of attendance rates, lowest class first (ColorBrewer OrRd run
 * backwards): the communes that attend least are the darkest, the ones to look at first.
 */
export const ATTENDANCE_SCALE: readonly string[] = ['#b30000', '#e34a33', '#fc8d59', '#fdcc8a', '#fef0d9'];
/** The map's diverging scale of covered shares (ColorBrewer RdYlBu, colour-blind safe): few covered reads warm, all covered blue. */
export const SHARE_SCALE: readonly string[] = ['#d7191c', '#fdae61', '#ffffbf', '#abd9e9', '#2c7bb6'];

export const INK = '#111111';
export const INK_MUTED = '#595959';
export const GRID = '#E0E0E0';
/** Background of a 100% track behind a rate bar. */
export const TRACK = '#EDEDED';
export const LINK = '#005A9C';

function luminance(colour: string): number {
  const c = rgb(colour);
  const lin = (v: number) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(c.r) + 0.7152 * lin(c.g) + 0.0722 * lin(c.b);
}

/** WCAG 2 contrast ratio between two colours, from 1 to 21. */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** White or `INK`, whichever reads better on `fill`. */
export function textOn(fill: string): string {
  return contrast('#FFFFFF', fill) >= contrast(INK, fill) ? '#FFFFFF' : INK;
}

/** `colour` darkened just enough to reach 4.5:1 on `background`, for coloured text. */
export function legible(colour: string, background = '#FFFFFF'): string {
  const c = hsl(colour);
  for (let i = 0; i < 40 && contrast(c.formatHex(), background) < 4.5; i++) c.l *= 0.93;
  return c.formatHex();
}

/** An outline a little darker than a light fill, so it stands out from white. */
export function outline(fill: string): string {
  return contrast(fill, '#FFFFFF') < 3 ? rgb(fill).darker(0.8).formatHex() : 'none';
}
