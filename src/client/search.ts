// Browser side of search.astro: loads the search index on first use and lists matches as
// links built from DOM nodes (names come from the data and are never parsed as HTML).
import { searchIndex } from '../lib/search-index.ts';
import type { SearchEntry, SearchIndex, SearchResult } from '../lib/search-index.ts';

/** Texts the script needs; the component fills them in the page's language. */
export interface SearchScriptLabels {
  unit: string;
  cadre: string;
  noResults: string;
  /** `{n}` is replaced by the number of matches, all of them. */
  results: string;
  /** Added when only the first matches are listed; `{n}` is how many. */
  shown: string;
  loading: string;
  error: string;
}

const LIMIT = 20;

/** `259 kết quả · hiện 20 đầu tiên`: the true count, and how many of them are listed. */
export function countText(result: SearchResult, labels: SearchScriptLabels): string {
  const total = (labels.results ?? '{n}').replace('{n}', result.total.toLocaleString(document.documentElement.lang || 'vi'));
  return result.total > result.entries.length ? `${total} · ${(labels.shown ?? '{n}').replace('{n}', String(result.entries.length))}` : total;
}

function safeUrl(href: string, base: URL): string | null {
  try {
    const url = new URL(href, base);
    return ['http:', 'https:', 'file:'].includes(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

/** One result as a list item; null for a link with a bad scheme. Names are set as text, never parsed. */
export function resultItem(e: SearchEntry, base: URL, labels: SearchScriptLabels): HTMLLIElement | null {
  // An entry with no page of its own (empty href) is listed as plain text; a bad scheme is dropped.
  const href = e.href ? safeUrl(e.href, base) : null;
  if (e.href && !href) return null;
  const li = document.createElement('li');
  const box = document.createElement(href ? 'a' : 'span');
  if (box instanceof HTMLAnchorElement && href) box.href = href;
  box.className = 'search__item';
  box.dataset.kind = e.kind;
  const name = document.createElement('span');
  name.className = 'search__name';
  name.textContent = e.name;
  const detail = document.createElement('span');
  detail.className = 'search__detail';
  detail.textContent = [e.kind === 'cadre' ? labels.cadre : labels.unit, e.detail].filter(Boolean).join(' · ');
  box.append(name, detail);
  li.append(box);
  return li;
}

/** The labels a search form carries (Search.astro). */
export function formLabels(form: HTMLFormElement): SearchScriptLabels {
  try {
    return JSON.parse(form.dataset.labels ?? '{}') as SearchScriptLabels;
  } catch {
    return {} as SearchScriptLabels;
  }
}

function initSearch(form: HTMLFormElement): void {
  const input = form.querySelector<HTMLInputElement>('[data-search-input]');
  const list = form.querySelector<HTMLElement>('[data-search-results]');
  const status = form.querySelector<HTMLElement>('[data-search-status]');
  if (!input || !list) return;
  const labels = formLabels(form);
  // Used as given, relative to the page: the site may live under any base path.
  const base = new URL(form.dataset.indexUrl ?? '', document.baseURI);
  let loading: Promise<SearchIndex | null> | null = null;
  let index: SearchIndex | null = null;

  const say = (text: string) => { if (status) status.textContent = text; };

  const load = (): Promise<SearchIndex | null> => {
    loading ??= fetch(base)
      .then((res) => { if (!res.ok) throw new Error(`HTTP ${res.status}`); return res.json() as Promise<SearchIndex>; })
      .then((ix) => { index = ix; form.dataset.searchReady = 'true'; return ix; })
      .catch(() => { say(labels.error ?? ''); form.dataset.searchReady = 'error'; loading = null; return null; });
    return loading;
  };

  const links = () => [...list.querySelectorAll<HTMLAnchorElement>('a')];

  const close = () => {
    list.hidden = true;
  };

  const item = (e: SearchEntry) => resultItem(e, base, labels);

  const render = () => {
    const q = input.value.trim();
    if (!q) {
      list.replaceChildren();
      close();
      say('');
      return;
    }
    if (!index) {
      say(labels.loading ?? '');
      void load().then((ix) => { if (ix) render(); });
      return;
    }
    const result = searchIndex(index, q, LIMIT);
    const items = result.entries.map(item).filter((li): li is HTMLLIElement => li !== null);
    const note = document.createElement('li');
    note.className = 'search__empty';
    if (items.length === 0) {
      note.textContent = labels.noResults ?? '';
      items.push(note);
      say(labels.noResults ?? '');
    } else {
      note.textContent = countText(result, labels);
      items.unshift(note);
      say(note.textContent);
    }
    list.replaceChildren(...items);
    list.hidden = false;
  };

  input.addEventListener('focus', () => { void load(); if (input.value.trim()) render(); }, { passive: true });
  input.addEventListener('input', render);

  // Arrow keys move between the box and the result links; Enter on a link follows it natively.
  form.addEventListener('keydown', (ev) => {
    const all = links();
    const at = all.indexOf(document.activeElement as HTMLAnchorElement);
    if (ev.key === 'ArrowDown' && all.length) {
      ev.preventDefault();
      if (list.hidden) render();
      all[Math.min(at + 1, all.length - 1)]!.focus();
    } else if (ev.key === 'ArrowUp' && all.length) {
      ev.preventDefault();
      if (at <= 0) input.focus();
      else all[at - 1]!.focus();
    } else if (ev.key === 'Escape') {
      close();
      input.focus();
    }
  });

  // Enter in the box goes to the best match; with none (or no index yet) the form submits
  // to the plain search page, as it does without JavaScript.
  form.addEventListener('submit', (ev) => {
    const first = links()[0];
    if (first && !list.hidden) {
      ev.preventDefault();
      window.location.assign(first.href);
    }
  });

  form.addEventListener('focusout', (ev) => {
    const next = (ev as FocusEvent).relatedTarget as Node | null;
    if (!next || !form.contains(next)) close();
  });
}

for (const form of document.querySelectorAll<HTMLFormElement>('form[data-search]')) {
  if (form.dataset.searchInit) continue;
  form.dataset.searchInit = '1';
  initSearch(form);
}
