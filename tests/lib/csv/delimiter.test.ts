import { describe, expect, it } from 'vitest';
import { detectDelimiter } from '../../../src/lib/csv/delimiter.ts';

describe('detectDelimiter', () => {
  it('picks the most frequent candidate', () => {
    expect(detectDelimiter('unit_id,name,level')).toBe(',');
    expect(detectDelimiter('mã đơn vị;tên đơn vị;cấp')).toBe(';');
    expect(detectDelimiter('unit_id\tname\tlevel')).toBe('\t');
  });

  it('ignores candidates inside double quotes', () => {
    expect(detectDelimiter('"a,b,c";"d,e";f')).toBe(';');
    expect(detectDelimiter('"say ""x,y""";b;c')).toBe(';');
  });

  it('defaults to a comma for a single column or a tie', () => {
    expect(detectDelimiter('unit_id')).toBe(',');
    expect(detectDelimiter('')).toBe(',');
    expect(detectDelimiter('a;b,c')).toBe(',');
  });
});
