import type { DataSource } from '../src/lib/load.ts';

/** An in-memory DataSource: paths to file contents, folders implied by the paths. */
export function memorySource(files: Record<string, string | Uint8Array>): DataSource {
  const bytes = (v: string | Uint8Array) => (typeof v === 'string' ? new TextEncoder().encode(v) : v);
  const children = (path: string) => {
    const prefix = `${path.replace(/\/+$/, '')}/`;
    return [...new Set(Object.keys(files).filter((f) => f.startsWith(prefix)).map((f) => f.slice(prefix.length).split('/')[0]!))];
  };
  return {
    list: (path) => (children(path).length > 0 ? children(path) : null),
    isDirectory: (path) => children(path).length > 0,
    readBytes: (path) => (path in files ? bytes(files[path]!) : null),
    open: (path) => (path in files ? [bytes(files[path]!)] : null),
  };
}
