import { writeFileSync } from 'node:fs';

/**
 * Preloaded (`node --import`) by the bench into the processes it measures: writes to
 * NAMCOSO_PEAK_FILE the process's peak resident memory in KiB, worker threads and native
 * threads included, and the CPU time it used in ms (user and system, every thread), which
 * other work on the machine moves less than the wall time.
 */
const file = process.env.NAMCOSO_PEAK_FILE;
if (file) {
  process.on('exit', () => {
    const use = process.resourceUsage();
    writeFileSync(file, JSON.stringify({ maxRssKiB: use.maxRSS, cpuMs: Math.round((use.userCPUTime + use.systemCPUTime) / 1000) }));
  });
}
