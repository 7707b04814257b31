import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readWorkbook } from '../xlsx-reader.ts';
import { build } from './harness.ts';
import { missingWorkbooks } from './workbook-links.ts';

describe('the examples offer a workbook wherever they offer a CSV, in both languages', () => {
  const roots: string[] = [];
  afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

  for (const example of ['two-tier', 'can-loc']) {
    it(example, () => {
      const root = mkdtempSync(join(tmpdir(), `namcoso-${example}-`));
      roots.push(root);
      const out = join(root, 'dist');
      const result = build(['--data', `data/examples/${example}`, '--out', out]);
      expect(result.code, result.stderr).toBe(0);
      expect(missingWorkbooks(out)).toEqual([]);
      // Rates as the page shows them: 0.667, never 0.6666666666666666.
      const csvs = ['vi', 'en'].flatMap((lang) => readdirSync(join(out, 'csv', lang)).map((f) => readFileSync(join(out, 'csv', lang, f), 'utf8')));
      expect(csvs.join('\n')).not.toMatch(/(^|,)-?\d+\.\d{4,}(,|\r?$)/m);
      for (const lang of ['vi', 'en']) {
        const book = readWorkbook(readFileSync(join(out, `xlsx/${lang}/page/overview.xlsx`)));
        expect(book.sheets.at(-1)!.name).toBe(lang === 'vi' ? 'Về tệp này' : 'About this file');
        expect(book.sheets.length).toBeGreaterThan(2);
      }
    });
  }
});
