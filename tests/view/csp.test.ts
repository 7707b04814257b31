import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, tileSource } from '../../src/view/csp.ts';

describe('the Content-Security-Policy', () => {
  it('allows the site itself and nothing inline', () => {
    const csp = contentSecurityPolicy(null);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("style-src 'self';");
    expect(csp).toContain("img-src 'self';");
    expect(csp).not.toMatch(/unsafe|data:|\*/);
  });

  it('adds the host of an internal tile server to img-src, and only there', () => {
    const csp = contentSecurityPolicy('https://tiles.example.local/{z}/{x}/{y}.png');
    expect(csp).toContain("img-src 'self' https://tiles.example.local;");
    expect(csp.match(/tiles\.example\.local/g)).toHaveLength(1);
  });

  it('writes a tile template as a source', () => {
    expect(tileSource('http://{s}.tiles.gov.vn:8080/{z}/{x}/{y}.png')).toBe('http://*.tiles.gov.vn:8080');
    expect(tileSource('HTTPS://Tiles.local/t/{z}/{x}/{y}.png')).toBe('https://Tiles.local');
    expect(tileSource('https://tiles-{s}.local/{z}/{x}/{y}.png')).toBe('https:');
    expect(tileSource('/tiles/{z}/{x}/{y}.png')).toBeNull();
    expect(tileSource(null)).toBeNull();
  });
});
