import { describe, expect, it } from 'vitest';
import { cleanId, fit, frame, safeHref, textWidth } from '../../../src/components/charts/svg.ts';

describe('svg helpers', () => {
  it('safeHref(href) keeps relative and http(s) links and drops script schemes', () => {
    expect(safeHref('/vi/xa/1/')).toBe('/vi/xa/1/');
    expect(safeHref('https://example.org')).toBe('https://example.org');
    expect(safeHref(' JavaScript:alert(1)')).toBeNull();
    expect(safeHref('data:text/html,x')).toBeNull();
    expect(safeHref(undefined)).toBeNull();
  });
  it('cleanId(id) keeps only safe id characters', () => {
    expect(cleanId('a"><script>')).toBe('a---script-');
  });
  it('fit(s, max) cuts long names with an ellipsis within max', () => {
    const s = fit('Phường Nguyễn Thái Bình, Quận Một', 100);
    expect(s.endsWith('…')).toBe(true);
    expect(textWidth(s)).toBeLessThanOrEqual(100);
    expect(fit('Xã A', 100)).toBe('Xã A');
  });
  it('frame(id, height, texts, body) escapes the title and description', () => {
    const svg = frame('c', 100, { title: '<b>T</b>', desc: 'A & B', noData: '' }, '');
    expect(svg).toContain('<title id="c-title">&lt;b&gt;T&lt;/b&gt;</title>');
    expect(svg).toContain('<desc id="c-desc">A &amp; B</desc>');
    expect(svg).toContain('aria-labelledby="c-title c-desc"');
  });
});
