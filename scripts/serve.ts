import { existsSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { parseCommandLine } from './lib/cli.ts';
import { userPath } from './lib/output.ts';
import { serveStatic } from './lib/static-server.ts';

const USAGE = `Usage: npm run preview -- [--dir dist] [--base /] [--port 4321]
  Serves a built site at http://127.0.0.1:PORT/BASE, as the web host will.`;

const { values, fail: usage } = parseCommandLine(USAGE, { dir: { type: 'string', default: 'dist' }, base: { type: 'string', default: '/' }, port: { type: 'string', default: '4321' } });
const dir = userPath(String(values.dir));
if (!existsSync(dir) || !statSync(dir).isDirectory()) usage(`No such folder: ${dir} (run npm run build first)`);
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) usage(`--port must be a number from 0 to 65535, not "${values.port}"`);
const rawBase = String(values.base);
const base = `/${rawBase.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');

const server = serveStatic(dir, base);
server.on('error', (e: NodeJS.ErrnoException) => {
  process.stderr.write(e.code === 'EADDRINUSE' ? `Port ${port} is in use; choose another with --port.\n` : `${e.message}\n`);
  process.exit(1);
});
server.listen(port, '127.0.0.1', () => {
  process.stdout.write(`http://127.0.0.1:${(server.address() as AddressInfo).port}${base}\n`);
});
