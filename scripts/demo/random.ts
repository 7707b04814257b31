/** A seeded pseudo-random source: the demo data must be byte-identical from run to run. */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [lo, hi], both ends included. */
  int(lo: number, hi: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Picks with the given relative weights. */
  weighted<T>(items: readonly T[], weights: readonly number[]): T;
  /** A shuffled copy (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[];
  /** `n` distinct items, in their original order. */
  sample<T>(items: readonly T[], n: number): T[];
}

/** FNV-1a: turns a seed label into 32 bits, so each part of the data gets its own stream. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * mulberry32 seeded by `seed` and `label`. Separate labels give independent streams, so a
 * change in one part of the generator does not reshuffle every other part.
 */
export function createRng(seed: number, label: string): Rng {
  let state = (hash(label) ^ Math.imul(seed, 0x9e3779b1)) >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const shuffle = <T>(items: readonly T[]): T[] => {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = int(0, i);
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  };
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick: (items) => items[int(0, items.length - 1)],
    weighted: (items, weights) => {
      const total = weights.reduce((a, b) => a + b, 0);
      let x = next() * total;
      for (let i = 0; i < items.length; i++) {
        x -= weights[i];
        if (x < 0) return items[i];
      }
      return items[items.length - 1];
    },
    shuffle,
    sample: (items, n) => {
      const chosen = new Set(shuffle(items.map((_, i) => i)).slice(0, n));
      return items.filter((_, i) => chosen.has(i));
    },
  };
}

/** Splits `total` in proportion to `weights` into integers that sum exactly to `total` (largest remainders). */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (w / sum) * total);
  const sizes = exact.map((x) => Math.floor(x));
  const left = total - sizes.reduce((a, b) => a + b, 0);
  // Ties go to the lower index, so the split never depends on sort internals.
  const order = exact.map((x, i) => ({ r: x - Math.floor(x), i })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (let k = 0; k < left; k++) sizes[order[k].i]++;
  return sizes;
}

/**
 * Splits `total` into `parts` integers of at least `min` each that sum exactly to `total`,
 * spread around the mean by weights drawn in [1 - spread, 1 + spread].
 */
export function partition(rng: Rng, total: number, parts: number, min: number, spread = 0.4): number[] {
  const free = total - parts * min;
  if (free < 0) throw new Error(`cannot split ${total} into ${parts} parts of at least ${min}`);
  const weights = Array.from({ length: parts }, () => 1 - spread + 2 * spread * rng.next());
  return apportion(free, weights).map((s) => s + min);
}
