import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createDecoder, detectEncoding, firstInvalidUtf8 } from '../../../src/lib/csv/decode.ts';

function split(bytes: Uint8Array, size: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += size) out.push(bytes.subarray(i, i + size));
  return out;
}

function decodeAll(bytes: Uint8Array, size = bytes.length || 1) {
  const decoder = createDecoder('t.csv');
  let text = '';
  for (const chunk of split(bytes, size)) text += decoder.write(chunk);
  text += decoder.end();
  return { text, problem: decoder.problem };
}

const utf16le = (s: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]);
const utf16be = (s: string) => {
  const le = Buffer.from(s, 'utf16le');
  return Buffer.concat([Buffer.from([0xfe, 0xff]), le.swap16()]);
};

const SAMPLE = 'mã đơn vị,tên\n829,Phước Hiệp 𝔸\n';

describe('detectEncoding', () => {
  it('tells the BOMs apart and defaults to UTF-8', () => {
    expect(detectEncoding(Uint8Array.from([0xef, 0xbb, 0xbf, 0x61]))).toEqual({ encoding: 'utf-8', bomLength: 3 });
    expect(detectEncoding(Uint8Array.from([0xff, 0xfe, 0x61]))).toEqual({ encoding: 'utf-16le', bomLength: 2 });
    expect(detectEncoding(Uint8Array.from([0xfe, 0xff, 0x00]))).toEqual({ encoding: 'utf-16be', bomLength: 2 });
    expect(detectEncoding(Uint8Array.from([0x61, 0x62]))).toEqual({ encoding: 'utf-8', bomLength: 0 });
    expect(detectEncoding(new Uint8Array(0))).toEqual({ encoding: 'utf-8', bomLength: 0 });
  });
});

describe('createDecoder: valid input', () => {
  it('decodes UTF-8 without BOM at every chunk size, characters split or not', () => {
    const bytes = Buffer.from(SAMPLE, 'utf8');
    for (const size of [1, 2, 3, 5, 7, bytes.length]) {
      expect(decodeAll(bytes, size), `chunks of ${size}`).toEqual({ text: SAMPLE, problem: null });
    }
  });

  it('drops a UTF-8 BOM even when it is split across chunks', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SAMPLE, 'utf8')]);
    for (const size of [1, 2, 4]) expect(decodeAll(bytes, size).text).toBe(SAMPLE);
  });

  it('decodes UTF-16LE and UTF-16BE with BOM, code units split across chunks', () => {
    for (const size of [1, 3, 1000]) {
      expect(decodeAll(utf16le(SAMPLE), size)).toEqual({ text: SAMPLE, problem: null });
      expect(decodeAll(utf16be(SAMPLE), size)).toEqual({ text: SAMPLE, problem: null });
    }
  });

  it('unifies CRLF and lone CR to LF, a CRLF split across chunks included', () => {
    const bytes = Buffer.from('a\r\nb\rc\r\n\r\nd\r', 'utf8');
    for (const size of [1, 2, 3, 100]) expect(decodeAll(bytes, size).text).toBe('a\nb\nc\n\nd\n');
  });

  it('decodes files shorter than a BOM and empty files', () => {
    expect(decodeAll(Buffer.from('a'))).toEqual({ text: 'a', problem: null });
    expect(decodeAll(Buffer.from([0xff, 0xfe]))).toEqual({ text: '', problem: null });
    expect(decodeAll(new Uint8Array(0))).toEqual({ text: '', problem: null });
  });
});

describe('createDecoder: legacy encodings', () => {
  it('rejects Windows-1258 bytes on the line of the first bad byte, with a hex dump', () => {
    const bytes = readFileSync(new URL('../../fixtures/formats/windows-1258.csv', import.meta.url));
    expect(decodeAll(bytes).problem?.value).toBe('EA EC 6E 20 54 72');
    for (const size of [1, 4, 1000]) {
      const { text, problem } = decodeAll(bytes, size);
      // `1,B` then 0xEA 0xEC for "ế": byte 16, on line 2.
      expect(problem, `chunks of ${size}`).toMatchObject({ file: 't.csv', line: 2, column: null, code: 'encoding', params: { offset: 16 } });
      // The dump shows what the decoder holds: the bad sequence and what follows in that chunk.
      expect(problem?.value).toMatch(size === 1 ? /^EA EC$/ : /^EA EC/);
      expect(text).not.toMatch(/[^\x00-\x7f]/); // no mojibake handed out
    }
  });

  it('counts CRLF and lone CR lines before the bad byte', () => {
    const bytes = Buffer.concat([Buffer.from('h\r\na\rb\r\n\r\nx', 'latin1'), Buffer.from([0xd0, 0x20])]);
    for (const size of [1, 2, 100]) expect(decodeAll(bytes, size).problem?.line, `chunks of ${size}`).toBe(5);
  });

  it('locates a bad continuation byte revealed only by a later chunk', () => {
    // E1 BB starts "ớ", then a TCVN3-ish byte: the error shows when chunk 2 arrives.
    const bytes = Buffer.concat([Buffer.from('ab\ncd', 'utf8'), Buffer.from([0xe1, 0xbb]), Buffer.from([0x41, 0x0a])]);
    const decoder = createDecoder('t.csv');
    decoder.write(bytes.subarray(0, 7));
    expect(decoder.problem).toBeNull();
    expect(decoder.write(bytes.subarray(7))).toBe('');
    expect(decoder.problem).toMatchObject({ line: 2, value: 'E1 BB 41 0A', code: 'encoding', params: { offset: 5 } });
  });

  it('rejects a file cut inside a character', () => {
    const { problem } = decodeAll(Buffer.from([0x61, 0x0a, 0xe1, 0xbb]), 1);
    expect(problem).toMatchObject({ line: 2, value: 'E1 BB', code: 'encoding', params: { offset: 2 } });
  });

  it('rejects overlong forms and encoded surrogates like TextDecoder does', () => {
    expect(decodeAll(Buffer.from([0x61, 0xc0, 0xaf])).problem?.value).toBe('C0 AF');
    expect(decodeAll(Buffer.from([0xed, 0xa0, 0x80])).problem?.code).toBe('encoding');
    expect(firstInvalidUtf8(Buffer.from('Phước', 'utf8'))).toBe(-1);
    expect(firstInvalidUtf8(Uint8Array.from([0x61, 0xf4, 0x90, 0x80, 0x80]))).toBe(1);
  });

  it('reports UTF-16 without a BOM by its NUL bytes', () => {
    const { text, problem } = decodeAll(Buffer.from('unit_id,name\r\n', 'utf16le'), 7);
    expect(text).toBe('');
    expect(problem).toMatchObject({ line: 1, code: 'encoding-utf16-no-bom', value: '00 6E 00 69 00 74' });
  });

  it('hands out nothing more after a problem', () => {
    const decoder = createDecoder('t.csv');
    decoder.write(Uint8Array.from([0x61, 0xff]));
    expect(decoder.write(Buffer.from('more'))).toBe('');
    expect(decoder.end()).toBe('');
  });
});
