import type { Problem } from '../types.ts';

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be';

/** The encoding told by a byte-order mark, and the mark's length; no mark means UTF-8 (checked strictly later). */
export function detectEncoding(head: Uint8Array): { encoding: Encoding; bomLength: number } {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  return { encoding: 'utf-8', bomLength: 0 };
}

/** A streaming decoder of one file's bytes. */
export interface Decoder {
  /**
   * The text of these bytes, BOM dropped and line breaks (CRLF, LF, lone CR) unified to `\n`, so that
   * whoever reads it counts physical lines by counting `\n`. Returns '' once a problem was found.
   */
  write(bytes: Uint8Array): string;
  /** The text still held back (a split character, a CR that may start a CRLF). */
  end(): string;
  /** The encoding problem that stopped decoding, if any: never mojibake instead. */
  readonly problem: Problem | null;
  /** True when no byte is held back: the text handed out so far ends where the bytes written end. */
  atLineStart(): boolean;
}

const EMPTY: Uint8Array = new Uint8Array(0);
// Enough bytes to tell every BOM, so a BOM split across chunks is still seen.
const HEAD_BYTES = 3;
const HEX_BYTES = 6;

/** Where a part of a file starts, for a decoder that reads from there: the encoding its head told, and the byte offset. */
export interface DecodeFrom {
  encoding: Encoding;
  hasBom: boolean;
  byteOffset: number;
}

/** A decoder of the whole file, or of a part of it that starts on a line break (`from`). */
export function createDecoder(file: string, from?: DecodeFrom): Decoder {
  let head: Uint8Array | null = from ? null : EMPTY; // bytes held until the encoding is known
  let encoding: Encoding = from?.encoding ?? 'utf-8';
  let hasBom = from?.hasBom ?? false;
  let decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
  // UTF-8 only: the bytes of a character split across chunks, which TextDecoder holds
  // invisibly; kept to locate an error that a later byte reveals.
  let carry: Uint8Array = EMPTY;
  let consumed = from?.byteOffset ?? 0; // bytes of the file before the current chunk
  let lines = 0; // `\n` handed out so far
  let pendingCR = false;
  let problem: Problem | null = null;

  function start(bytes: Uint8Array): Uint8Array {
    const found = detectEncoding(bytes);
    encoding = found.encoding;
    hasBom = found.bomLength > 0;
    decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
    consumed += found.bomLength;
    return bytes.subarray(found.bomLength);
  }

  function unify(text: string, final: boolean): string {
    let t = pendingCR ? '\r' + text : text;
    pendingCR = !final && t.endsWith('\r');
    if (pendingCR) t = t.slice(0, -1);
    if (t.includes('\r')) t = t.replace(/\r\n?/g, '\n');
    lines += countLineFeeds(t);
    return t;
  }

  function fail(code: string, textBefore: string, bytes: Uint8Array, at: number, offset: number): void {
    const before = (pendingCR ? '\r' : '') + textBefore;
    problem = {
      file,
      line: lines + 1 + countLineFeeds(before.replace(/\r\n?/g, '\n')),
      column: null,
      value: at < bytes.length ? hex(bytes.subarray(at, at + HEX_BYTES)) : null,
      code,
      params: { offset },
    };
  }

  function decodeChunk(bytes: Uint8Array): string {
    if (encoding === 'utf-8' && !hasBom) {
      // NUL is valid UTF-8, so TextDecoder lets UTF-16 without a BOM through as text full of NULs.
      const nul = bytes.indexOf(0);
      if (nul >= 0) {
        const all = concat(carry, bytes);
        const at = carry.length + nul;
        fail('encoding-utf16-no-bom', new TextDecoder().decode(all.subarray(0, at)), all, at, consumed - carry.length + at);
        return '';
      }
    }
    let text: string;
    try {
      text = decoder.decode(bytes, { stream: true });
    } catch {
      locateError(bytes);
      return '';
    }
    if (encoding === 'utf-8') carry = incompleteTail(carry, bytes);
    consumed += bytes.length;
    return unify(text, false);
  }

  function locateError(bytes: Uint8Array): void {
    if (encoding === 'utf-8') {
      const all = concat(carry, bytes);
      const bad = firstInvalidUtf8(all);
      const at = bad < 0 ? 0 : bad;
      fail('encoding', new TextDecoder().decode(all.subarray(0, at)), all, at, consumed - carry.length + at);
    } else {
      // UTF-16 fails only on a lone surrogate: find its replacement character. Exact to within a
      // code unit held from the previous chunk, which is as close as a line number needs.
      const lenient = new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes);
      const at = Math.max(0, lenient.indexOf('\ufffd'));
      fail('encoding', lenient.slice(0, at), bytes, at * 2, consumed + at * 2);
    }
  }

  return {
    write(bytes) {
      if (problem) return '';
      if (head) {
        head = concat(head, bytes);
        if (head.length < HEAD_BYTES) return '';
        const rest = start(head);
        head = null;
        return decodeChunk(rest);
      }
      return decodeChunk(bytes);
    },
    end() {
      if (problem) return '';
      let text = '';
      if (head) {
        const rest = start(head);
        head = null;
        text = decodeChunk(rest);
        if (problem) return '';
      }
      let last: string;
      try {
        last = decoder.decode();
      } catch {
        // The file ends inside a character: a cut UTF-8 sequence or an odd UTF-16 byte.
        fail('encoding', '', carry, 0, consumed - carry.length);
        return '';
      }
      return text + unify(last, true);
    },
    get problem() {
      return problem;
    },
    // A UTF-16 decoder holds an odd byte; a cut UTF-8 character is in `carry`.
    atLineStart: () => head === null && !pendingCR && carry.length === 0 && (encoding === 'utf-8' || consumed % 2 === 0),
  };
}

function countLineFeeds(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).toUpperCase().padStart(2, '0')).join(' ');
}

/** The bytes of an unfinished UTF-8 character at the end of `prev` + `bytes` (both already validated). */
function incompleteTail(prev: Uint8Array, bytes: Uint8Array): Uint8Array {
  // An unfinished character has at most 3 bytes, so only the last 3 matter.
  const all = bytes.length >= 3 ? bytes : concat(prev, bytes);
  const n = all.length;
  for (let i = 1; i <= Math.min(3, n); i++) {
    const b = all[n - i]!;
    if ((b & 0xc0) === 0x80) continue;
    const size = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return size > i ? all.slice(n - i) : EMPTY;
  }
  return EMPTY;
}

/**
 * Where the first malformed UTF-8 sequence starts (the WHATWG rules TextDecoder applies),
 * or -1; a sequence merely cut short by the end of `bytes` is not malformed.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let size: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) size = 2;
    else if (b >= 0xe0 && b <= 0xef) {
      size = 3;
      if (b === 0xe0) lo = 0xa0; // overlong
      if (b === 0xed) hi = 0x9f; // surrogates
    } else if (b >= 0xf0 && b <= 0xf4) {
      size = 4;
      if (b === 0xf0) lo = 0x90; // overlong
      if (b === 0xf4) hi = 0x8f; // beyond U+10FFFF
    } else return i;
    for (let k = 1; k < size; k++) {
      if (i + k >= n) return -1;
      const c = bytes[i + k]!;
      if (c < lo || c > hi) return i;
      lo = 0x80;
      hi = 0xbf;
    }
    i += size;
  }
  return -1;
}
