import { strings } from './i18n.ts';
import type { Lang, Problem } from './types.ts';

/** The message of a problem in the reader's language; an unknown code stands for itself. */
export function describeProblem(problem: Problem, lang: Lang): string {
  const describe = (strings[lang].problems as Record<string, ((p: Problem) => string) | undefined>)[problem.code];
  return describe ? describe(problem) : problem.code;
}
