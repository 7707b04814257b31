const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Escapes `& < > " '` so that a string from the data is safe as HTML or SVG text and
 * inside a quoted attribute value. Not for URLs in `href`: those need their scheme
 * checked as well (see `safeHref` in the chart helpers).
 *
 * @example escapeHtml('<b>"Tổ 1" & Tổ 2</b>') // '&lt;b&gt;&quot;Tổ 1&quot; &amp; Tổ 2&lt;/b&gt;'
 */
export function escapeHtml(s: string): string {
  return String(s).replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}
