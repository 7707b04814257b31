import { createServer, type Server, type ServerResponse } from 'node:http';
import sirv from 'sirv';

/** Astro names the files of `_astro/` by a hash of their content: a new build never changes one. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Pages, data files and CSV keep their names from build to build: cached, but asked again each time (ETag). */
const REVALIDATE = 'no-cache';

/**
 * Serves a built site under a base path, as a plain static host would: `/base/x/` serves
 * `x/index.html`; anything outside the base or the folder, and any hidden file, is a 404.
 * sirv does the file serving (types, ranges, ETags, no traversal, and the `.br`/`.gz` files the
 * build writes beside the large ones, chosen by Accept-Encoding); this only strips the base, sets
 * the cache headers, and answers a request it cannot read with 400 instead of dying.
 */
export function serveStatic(root: string, base = '/'): Server {
  const files = sirv(root, {
    etag: true,
    extensions: ['html'],
    brotli: true,
    gzip: true,
    setHeaders: (res, pathname) => res.setHeader('Cache-Control', pathname.startsWith('/_astro/') ? IMMUTABLE : REVALIDATE),
  });
  return createServer((req, res) => {
    try {
      const raw = req.url ?? '/';
      if (!raw.startsWith(base)) return plain(res, 404, 'Not found');
      const path = `/${raw.slice(base.length)}`;
      // sirv skips a path it cannot decode; refuse it plainly rather than guess.
      decodeURIComponent(path.split('?')[0]!);
      req.url = path;
      files(req, res, () => plain(res, 404, 'Not found'));
    } catch {
      plain(res, 400, 'Bad request');
    }
  });
}

function plain(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(text);
}
