import type { Problem } from './types.ts';

/** Errors stop a build; warnings are listed on the data-quality page. Both are collected, never thrown. */
export interface Findings {
  errors: Problem[];
  warnings: Problem[];
}

export function emptyFindings(): Findings {
  return { errors: [], warnings: [] };
}
