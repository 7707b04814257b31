import { describe, expect, it } from 'vitest';
import { foldDiacritics, normalizeHeader } from '../../src/lib/text.ts';

describe('normalizeHeader', () => {
  it('trims, lower-cases and collapses inner whitespace', () => {
    expect(normalizeHeader('  Unit_ID ')).toBe('unit_id');
    expect(normalizeHeader('Mã   đơn\tvị')).toBe('mã đơn vị');
  });

  it('turns NFD (Excel on macOS) into NFC', () => {
    const nfd = 'Mã đơn vị'.normalize('NFD');
    expect(normalizeHeader(nfd)).toBe('mã đơn vị'.normalize('NFC'));
  });

  it('drops no-break spaces and a stray BOM', () => {
    expect(normalizeHeader('\ufeffmã\u00a0đơn vị')).toBe('mã đơn vị');
  });
});

describe('foldDiacritics', () => {
  it('strips tone and vowel marks and maps đ to d', () => {
    expect(foldDiacritics('Phước Hiệp')).toBe('phuoc hiep');
    expect(foldDiacritics('MÃ ĐƠN VỊ')).toBe('ma don vi');
    expect(foldDiacritics('đến ngày')).toBe('den ngay');
  });

  it('gives the same result for NFC and NFD input', () => {
    expect(foldDiacritics('Tổ nhân dân tự quản'.normalize('NFD'))).toBe('to nhan dan tu quan');
  });

  it('leaves plain ASCII lower-cased', () => {
    expect(foldDiacritics('Unit_ID')).toBe('unit_id');
  });
});
