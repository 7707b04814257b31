import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../src/lib/escape.ts';

describe('escapeHtml', () => {
  it('escapeHtml(s) escapes the five HTML-special characters', () => {
    expect(escapeHtml(`<a href="x">Tổ 'A' & B</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;Tổ &#39;A&#39; &amp; B&lt;/a&gt;');
  });
  it('escapeHtml(s) leaves Vietnamese text and plain text alone', () => {
    expect(escapeHtml('Phường Nguyễn Thái Bình')).toBe('Phường Nguyễn Thái Bình');
  });
  it('escapeHtml(s) escapes an existing entity again, so it shows as typed', () => {
    expect(escapeHtml('&amp;')).toBe('&amp;amp;');
  });
});
