/** The ids of an IdIndex as plain arrays, to send to another thread without copying each id. */
export interface IdBlock {
  /** The ids' UTF-16 code units, one after the other. */
  chars: Uint16Array;
  /** Where each id starts in `chars`; one more entry marks the end of the last. */
  starts: Int32Array;
  /** The line of each id's first report. */
  lines: Int32Array;
}

/**
 * Report ids with the line of each id's first report: a hash table in typed arrays rather than a
 * Map of strings, because a 2-million-row file would otherwise keep 2 million strings that every
 * garbage collection walks through.
 */
export class IdIndex {
  private slots = new Int32Array(1 << 12); // entry + 1, 0 when free
  private hashes = new Int32Array(1 << 11);
  private lines = new Int32Array(1 << 11);
  private starts = new Int32Array((1 << 11) + 1);
  private chars = new Uint16Array(1 << 14);
  size = 0;

  /** The line of the id's first report, or -1. */
  get(id: string): number {
    const e = this.find(id, 0, id.length, hashOf(id, 0, id.length), null);
    return e < 0 ? -1 : this.lines[e]!;
  }

  /** Adds an id not in the index yet. */
  add(id: string, line: number): void {
    const h = hashOf(id, 0, id.length);
    const e = this.size++;
    if (e + 1 >= this.lines.length) this.growEntries();
    const at = this.starts[e]!;
    if (at + id.length > this.chars.length) this.chars = grow(this.chars, at + id.length);
    for (let i = 0; i < id.length; i++) this.chars[at + i] = id.charCodeAt(i);
    this.starts[e + 1] = at + id.length;
    this.hashes[e] = h;
    this.lines[e] = line;
    if (this.size * 2 > this.slots.length) this.rehash();
    else this.place(e, h);
  }

  /** Whether any id of `block` (other than '', which is no id) is in this index. */
  sharesIdWith(block: IdBlock): boolean {
    for (let e = 0; e + 1 < block.starts.length; e++) {
      const from = block.starts[e]!;
      const to = block.starts[e + 1]!;
      if (to > from && this.find(block.chars, from, to - from, hashOf(block.chars, from, to - from), block.chars) >= 0) return true;
    }
    return false;
  }

  /** The index's ids, trimmed to size, for another thread. */
  toBlock(): IdBlock {
    return { chars: this.chars.slice(0, this.starts[this.size]), starts: this.starts.slice(0, this.size + 1), lines: this.lines.slice(0, this.size) };
  }

  /** An index of the ids of several blocks, in order; an id keeps the line of its first block. */
  static fromBlocks(blocks: IdBlock[]): IdIndex {
    const index = new IdIndex();
    for (const b of blocks) {
      for (let e = 0; e < b.lines.length; e++) {
        const id = textOf(b.chars.subarray(b.starts[e], b.starts[e + 1]));
        if (index.get(id) < 0) index.add(id, b.lines[e]!);
      }
    }
    return index;
  }

  /** The entry holding the id given as `length` code units at `from` of `source` (a string, or an array when `units` is given), or -1. */
  private find(source: string | Uint16Array, from: number, length: number, h: number, units: Uint16Array | null): number {
    const mask = this.slots.length - 1;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const slot = this.slots[s]!;
      if (slot === 0) return -1;
      const e = slot - 1;
      if (this.hashes[e] !== h) continue;
      const at = this.starts[e]!;
      if (this.starts[e + 1]! - at !== length) continue;
      let i = 0;
      if (units) while (i < length && this.chars[at + i] === units[from + i]) i++;
      else while (i < length && this.chars[at + i] === (source as string).charCodeAt(from + i)) i++;
      if (i === length) return e;
    }
  }

  private place(e: number, h: number): void {
    const mask = this.slots.length - 1;
    let s = h & mask;
    while (this.slots[s] !== 0) s = (s + 1) & mask;
    this.slots[s] = e + 1;
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    for (let e = 0; e < this.size; e++) this.place(e, this.hashes[e]!);
  }

  private growEntries(): void {
    const n = this.lines.length * 2;
    this.hashes = grow(this.hashes, n);
    this.lines = grow(this.lines, n);
    this.starts = grow(this.starts, n + 1);
  }
}

function grow<T extends Int32Array | Uint16Array>(a: T, atLeast: number): T {
  let n = a.length * 2;
  while (n < atLeast) n *= 2;
  const b = new (a.constructor as new (n: number) => T)(n);
  b.set(a);
  return b;
}

function textOf(units: Uint16Array): string {
  let s = '';
  // In slices: a spread of a very long id would overflow the call stack.
  for (let i = 0; i < units.length; i += 8192) s += String.fromCharCode(...units.subarray(i, i + 8192));
  return s;
}

/** FNV-1a over UTF-16 code units. */
function hashOf(source: string | Uint16Array, from: number, length: number): number {
  let h = 0x811c9dc5;
  if (typeof source === 'string') for (let i = from; i < from + length; i++) h = Math.imul(h ^ source.charCodeAt(i), 0x01000193);
  else for (let i = from; i < from + length; i++) h = Math.imul(h ^ source[i]!, 0x01000193);
  return h;
}
