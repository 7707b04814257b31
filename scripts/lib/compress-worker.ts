import { workerData } from 'node:worker_threads';
import { compressFiles } from './compress.ts';

/* precompress's second thread (scripts/lib/compress.ts): compresses the files it was given. */
compressFiles(workerData as [string, string][]);
