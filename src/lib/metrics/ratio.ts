/** numerator / denominator, or null when the denominator is 0: an empty grain has no rate. */
export function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

/** Rounds a published ratio or rate to three decimals (139 / 164 → 0.848); null stays null. */
export function round3(value: number | null): number | null {
  return value === null ? null : Math.round(value * 1000) / 1000;
}
