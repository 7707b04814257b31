import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { serveStatic } from './lib/static-server.ts';

const { values } = parseArgs({ options: { dir: { type: 'string', default: 'dist' }, base: { type: 'string', default: '/' }, port: { type: 'string', default: '4321' } } });
const base = values.base!.endsWith('/') ? values.base! : `${values.base}/`;
serveStatic(resolve(values.dir!), base).listen(Number(values.port), '127.0.0.1', () => {
  process.stdout.write(`http://127.0.0.1:${values.port}${base}\n`);
});
