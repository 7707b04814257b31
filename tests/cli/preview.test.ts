import { type ChildProcess, spawn } from 'node:child_process';
import { type IncomingHttpHeaders, request } from 'node:http';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './run-check.ts';

/** Sends `path` exactly as written (no normalising by a client library); resolves status and body. */
function get(origin: string, path: string): Promise<{ status: number; body: string }> {
  return fetchRaw(origin, path).then(({ status, bytes }) => ({ status, body: bytes.toString('utf8') }));
}

/** The raw answer to `path`, its headers and its bytes as sent (not decompressed). */
function fetchRaw(origin: string, path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: IncomingHttpHeaders; bytes: Buffer }> {
  return new Promise((done, fail) => {
    const req = request(`${origin}/`, { path, method: 'GET', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, bytes: Buffer.concat(chunks) }));
    });
    req.on('error', fail);
    req.end();
  });
}

const BIG = `<p>${'Nắm cơ sở '.repeat(500)}</p>`;

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
    // As the build writes them: a hashed asset and a page, each with its .br and .gz beside it.
    mkdirSync(join(dir, 'site/_astro'));
    for (const file of ['_astro/page.AbC123.js', 'big/index.html']) {
      mkdirSync(join(dir, 'site', file, '..'), { recursive: true });
      writeFileSync(join(dir, 'site', file), BIG);
      writeFileSync(join(dir, 'site', `${file}.br`), brotliCompressSync(BIG));
      writeFileSync(join(dir, 'site', `${file}.gz`), gzipSync(BIG));
    }
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

  it.each([
    ['br, gzip', 'br', brotliDecompressSync],
    ['gzip, deflate', 'gzip', gunzipSync],
    ['', undefined, (b: Buffer) => b],
  ] as const)('sends the precompressed file the client accepts (Accept-Encoding "%s")', async (accept, encoding, decode) => {
    for (const path of ['/tinh/big/', '/tinh/_astro/page.AbC123.js']) {
      const r = await fetchRaw(origin, path, accept ? { 'Accept-Encoding': accept } : {});
      expect(r.status).toBe(200);
      expect(r.headers['content-encoding']).toBe(encoding);
      expect(r.headers.vary).toBe('Accept-Encoding');
      expect(decode(r.bytes).toString('utf8')).toBe(BIG);
    }
    expect((await fetchRaw(origin, '/tinh/big/', { 'Accept-Encoding': accept })).headers['content-type']).toBe('text/html;charset=utf-8');
  });

  it('marks hashed assets immutable and asks again for pages', async () => {
    expect((await fetchRaw(origin, '/tinh/_astro/page.AbC123.js')).headers['cache-control']).toBe('public, max-age=31536000, immutable');
    for (const path of ['/tinh/', '/tinh/big/', '/tinh/unit/801/']) {
      const r = await fetchRaw(origin, path);
      expect(r.headers['cache-control']).toBe('no-cache');
      expect(r.headers.etag).toBeTruthy();
      expect((await fetchRaw(origin, path, { 'If-None-Match': r.headers.etag! })).status).toBe(304);
    }
  });

  it('exits 2 on a wrong command line', async () => {
    const run = spawn(process.execPath, ['scripts/serve.ts', '--port', 'abc', '--dir', dir], { cwd: ROOT });
    const code = await new Promise<number | null>((done) => run.on('exit', done));
    expect(code).toBe(2);
  });
});
