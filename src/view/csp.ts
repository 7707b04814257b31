/**
 * The Content-Security-Policy of every page. Every script and stylesheet is a file of the
 * site (astro.config.mjs turns off inlining) and no markup carries a `style` attribute, so
 * scripts and styles need 'self' alone. Each kind of request the site makes is named, and
 * everything else falls to `default-src 'none'`, so a new kind fails the browser test
 * instead of passing silently. `frame-ancestors` is ignored in a meta: the host sends it.
 */
export function contentSecurityPolicy(tileUrl: string | null): string {
  const tiles = tileSource(tileUrl);
  return [
    "default-src 'none'",
    "script-src 'self'",
    // Leaflet positions its panes through element.style (the CSSOM), which style-src does not govern.
    "style-src 'self'",
    `img-src 'self'${tiles ? ` ${tiles}` : ''}`,
    // The map payload and the search index.
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    "object-src 'none'",
  ].join('; ');
}

/**
 * The CSP source of an internal tile server, from its Leaflet template: `{s}` subdomains
 * become a wildcard; a relative template is the site's own host ('self').
 */
export function tileSource(tileUrl: string | null): string | null {
  const m = tileUrl ? /^(https?):\/\/([^/?#]+)/i.exec(tileUrl.trim()) : null;
  if (!m) return null;
  const host = m[2]!.replace(/^\{s\}\./, '*.');
  // A template elsewhere in the host cannot be written as a source: allow the scheme.
  const scheme = m[1]!.toLowerCase();
  return /^(\*\.)?[\w.\-:[\]]+$/.test(host) ? `${scheme}://${host}` : `${scheme}:`;
}
