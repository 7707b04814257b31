import { type ChildProcess, spawn } from 'node:child_process';
import { request } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './run-check.ts';

/** Sends `path` exactly as written (no normalising by a client library); resolves status and body. */
function get(origin: string, path: string): Promise<{ status: number; body: string }> {
  return new Promise((done, fail) => {
    const req = request(`${origin}/`, { path, method: 'GET' }, (res) => {
      let body = '';
      res.on('data', (c) => { body += c; });
      res.on('end', () => done({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', fail);
    req.end();
  });
}

describe('npm run preview', () => {
  let dir: string;
  let server: ChildProcess;
  let origin: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'namcoso-preview-'));
    mkdirSync(join(dir, 'site/unit/801'), { recursive: true });
    writeFileSync(join(dir, 'site/index.html'), '<h1>Tổng quan</h1>');
    writeFileSync(join(dir, 'site/unit/801/index.html'), '<h1>Huyện A</h1>');
    writeFileSync(join(dir, 'site/.namcoso-site'), '{}');
    writeFileSync(join(dir, 'secret.txt'), 'outside the site');
    server = spawn(process.execPath, ['scripts/serve.ts', '--dir', join(dir, 'site'), '--base', '/tinh/', '--port', '0'], { cwd: ROOT });
    const url = await new Promise<string>((done) => server.stdout!.on('data', (d) => done(String(d).trim())));
    origin = new URL(url).origin;
  });
  afterAll(() => {
    server?.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves the site under its base path', async () => {
    expect(await get(origin, '/tinh/')).toEqual({ status: 200, body: '<h1>Tổng quan</h1>' });
    expect((await get(origin, '/tinh/unit/801/')).body).toBe('<h1>Huyện A</h1>');
    expect((await get(origin, '/unit/801/')).status).toBe(404);
  });

  it.each([
    ['/tinh/%E0%A4%A', 400],
    ['/tinh/%', 400],
    ['/tinh/../secret.txt', 404],
    ['/tinh/%2e%2e/secret.txt', 404],
    ['/tinh/..%2fsecret.txt', 404],
    ['/tinh/.namcoso-site', 404],
    ['/tinh/unit/801/%00', 404],
  ])('answers %s with %i and keeps serving', async (path, status) => {
    const r = await get(origin, path);
    expect(r.status).toBe(status);
    expect(r.body).not.toContain('outside the site');
    expect((await get(origin, '/tinh/')).status).toBe(200);
    expect(server.exitCode).toBeNull();
  });

  it('exits 2 on a wrong command line', async () => {
    const run = spawn(process.execPath, ['scripts/serve.ts', '--port', 'abc', '--dir', dir], { cwd: ROOT });
    const code = await new Promise<number | null>((done) => run.on('exit', done));
    expect(code).toBe(2);
  });
});
