import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Lang } from '../../src/lib/types.ts';

/**
 * Parses a command line the way every script here does: `--help` prints the usage, and a wrong
 * command line (unknown flag, bad `--lang`) prints it to stderr and exits 2.
 */
export function parseCommandLine(usage: string, options: NonNullable<ParseArgsConfig['options']>, allowPositionals = false) {
  const fail = (message: string): never => {
    process.stderr.write(`${message}\n${usage}\n`);
    process.exit(2);
  };
  let parsed;
  try {
    parsed = parseArgs({ allowPositionals, options: { ...options, lang: { type: 'string', default: 'vi' }, help: { type: 'boolean' } } });
  } catch (e) {
    return fail((e as Error).message);
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    process.exit(0);
  }
  const lang = values.lang as Lang;
  if (lang !== 'vi' && lang !== 'en') fail(`--lang must be vi or en, not "${lang}"`);
  return { values, positionals: parsed.positionals, lang, fail };
}
