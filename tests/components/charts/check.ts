import { expect } from 'vitest';

/** What any chart must be: one well-formed, accessible SVG with no script in it. */
export function expectSafeSvg(svg: string): void {
  expect(svg.startsWith('<svg ')).toBe(true);
  expect(svg).toMatch(svg.includes('<a ') ? /role="group"/ : /role="img"/);
  expect(svg).toMatch(/viewBox="0 0 \d+(\.\d)? \d+(\.\d)?"/);
  expect(svg).toMatch(/<title id="[^"]+">[^<]+<\/title>/);
  expect(svg).toMatch(/<desc id="[^"]+">[^<]*<\/desc>/);
  expect(svg.toLowerCase()).not.toContain('<script');
  expect(svg).not.toMatch(/\bon\w+=/i);
  expect(svg).not.toMatch(/NaN|undefined|Infinity/);
  // Tags balance: a stray `<` from data would break this.
  const stack: string[] = [];
  for (const m of svg.matchAll(/<(\/?)([a-zA-Z]+)[^>]*?(\/?)>/g)) {
    if (m[3]) continue;
    if (m[1]) expect(stack.pop()).toBe(m[2]);
    else stack.push(m[2]!);
  }
  expect(stack).toEqual([]);
  expect(svg.replace(/<[^>]*>/g, '')).not.toMatch(/[<>]/);
}

/** The `<rect>`s of a chart with their attributes as numbers or strings. */
export function rects(svg: string): Record<string, string>[] {
  return [...svg.matchAll(/<rect([^>]*)\/>/g)].map((m) =>
    Object.fromEntries([...m[1]!.matchAll(/([\w-]+)="([^"]*)"/g)].map((a) => [a[1]!, a[2]!])),
  );
}

/** Text contents of the `<text>` elements, unescaped. */
export function texts(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) =>
    m[1]!.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&'),
  );
}
