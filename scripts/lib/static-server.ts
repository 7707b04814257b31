import { createServer, type Server, type ServerResponse } from 'node:http';
import sirv from 'sirv';

/**
 * Serves a built site under a base path, as a plain static host would: `/base/x/` serves
 * `x/index.html`; anything outside the base or the folder, and any hidden file, is a 404.
 * sirv does the file serving (types, ranges, ETags, no traversal); this only strips the base,
 * and answers a request it cannot read with 400 instead of dying.
 */
export function serveStatic(root: string, base = '/'): Server {
  const files = sirv(root, { etag: true, extensions: ['html'] });
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
