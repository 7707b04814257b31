import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CATEGORICAL, INK, INK_MUTED, LINK, STATUS, contrast, legible, textOn } from '../../../src/components/charts/palette.ts';

describe('palette', () => {
  it('textOn(fill) reaches 4.5:1 on every status colour', () => {
    for (const fill of Object.values(STATUS)) expect(contrast(textOn(fill), fill)).toBeGreaterThanOrEqual(4.5);
  });
  it('legible(colour) reaches 4.5:1 on white for every series colour', () => {
    for (const c of CATEGORICAL) expect(contrast(legible(c), '#FFFFFF')).toBeGreaterThanOrEqual(4.5);
  });
  it('text colours reach 4.5:1 on white', () => {
    for (const c of [INK, INK_MUTED, LINK]) expect(contrast(c, '#FFFFFF')).toBeGreaterThanOrEqual(4.5);
  });
  it('is the one palette: the stylesheet’s status colours are these', () => {
    const css = readFileSync('src/styles/site.css', 'utf8');
    const variable = (name: string) => css.match(new RegExp(`--${name}: (#[0-9a-f]{6});`))?.[1]?.toUpperCase();
    expect([variable('covered'), variable('unattended'), variable('overloaded'), variable('idle'), variable('nodata')])
      .toEqual([STATUS.covered, STATUS.unattended, STATUS.overloaded, STATUS.idle, STATUS.noData]);
  });
});
