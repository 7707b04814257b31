import { spawnSync } from 'node:child_process';

/**
 * glibc gives each of the build's threads (Astro's, the downloads', libuv's, the plan's) an arena
 * of its own and raises its mmap threshold as large buffers are freed, so freed memory stays in
 * the process: the largest province's build peaked at 2.1 GB with glibc's defaults, 1.93 GB with
 * two arenas alone, 1.8 GB with a fixed mmap threshold as well. That threshold sits above the
 * 2 MiB Brotli takes for each file it compresses: below it, every file mapped and unmapped its
 * tables, and each unmapping stopped the build's other threads (the demo build took 6 s longer).
 * A fixed threshold leaves glibc's trim threshold at 128 KiB, which handed memory back and took
 * it again page by page: 32 MiB. Elsewhere than glibc they mean nothing.
 */
export const MALLOC_ENV = { MALLOC_ARENA_MAX: '2', MALLOC_MMAP_THRESHOLD_: String(4 << 20), MALLOC_TRIM_THRESHOLD_: String(32 << 20) };

/**
 * glibc reads MALLOC_ENV when the process starts, so a process started without it starts itself
 * again with it, passing on its arguments, output and exit status (Linux only).
 */
export function restartWithMallocEnv(): void {
  if (process.platform !== 'linux' || process.env.MALLOC_ARENA_MAX !== undefined) return;
  const run = spawnSync(process.execPath, [...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit', env: { ...process.env, ...MALLOC_ENV } });
  if (run.error) {
    process.stderr.write(`${run.error.message}\n`);
    process.exit(1);
  }
  if (run.signal) process.kill(process.pid, run.signal);
  process.exit(run.status ?? 1);
}
