import { writeFileSync } from 'node:fs';

/**
 * Preloaded (`node --import`) by the bench into the processes it measures: writes the process's
 * peak resident memory in KiB, worker threads and native threads included, to NAMCOSO_PEAK_FILE.
 */
const file = process.env.NAMCOSO_PEAK_FILE;
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
