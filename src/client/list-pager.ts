/**
 * Pages a long list and filters it by district, commune and status, over the rows already on
 * the page (see src/components/list-controls.astro): no request, no inline script or style.
 */
export function enablePaging(root: ParentNode): void {
  for (const table of root.querySelectorAll<HTMLTableElement>('table[data-page-size]:not([data-pager-ready])')) {
    const controls = root.querySelector<HTMLElement>(`[data-list-for="${table.id}"]`);
    if (!controls) continue;
    table.dataset.pagerReady = 'true';
    pager(table, controls);
  }
}

function pager(table: HTMLTableElement, controls: HTMLElement): void {
  const size = Number(table.dataset.pageSize);
  const body = table.tBodies[0]!;
  const selects = [...controls.querySelectorAll<HTMLSelectElement>('select[data-filter]')];
  const count = controls.querySelector<HTMLElement>('[data-count]')!;
  const [previous, next] = [...controls.querySelectorAll<HTMLButtonElement>('button[data-page]')];
  const format = new Intl.NumberFormat(document.documentElement.lang || undefined);
  let page = 0;

  // A row matches a filter when its space-separated indexes hold the chosen one.
  const matches = (row: HTMLTableRowElement) =>
    selects.every((s) => s.value === '' || (row.dataset[s.dataset.filter!] ?? '').split(' ').includes(s.value));

  const render = () => {
    const wanted = [...body.rows].filter(matches);
    const pages = Math.max(1, Math.ceil(wanted.length / size));
    page = Math.min(page, pages - 1);
    const shown = new Set(wanted.slice(page * size, (page + 1) * size));
    for (const row of body.rows) row.hidden = !shown.has(row);
    count.textContent = wanted.length === 0
      ? controls.dataset.none!
      : controls.dataset.shown!.replace('{from}', format.format(page * size + 1)).replace('{to}', format.format(page * size + shown.size)).replace('{of}', format.format(wanted.length));
    previous!.disabled = page === 0;
    next!.disabled = page >= pages - 1;
  };

  const communes = selects.find((s) => s.dataset.filter === 'c');
  for (const select of selects) {
    select.addEventListener('change', () => {
      // The communes offered follow the district chosen.
      if (select.dataset.filter === 'd' && communes) {
        for (const option of communes.options) option.hidden = option.value !== '' && select.value !== '' && option.dataset.d !== select.value;
        if (communes.selectedOptions[0]?.hidden) communes.value = '';
      }
      page = 0;
      render();
    });
  }
  previous!.addEventListener('click', () => { page--; render(); });
  next!.addEventListener('click', () => { page++; render(); });
  // Sorting reorders every row; the list goes back to its first page in the new order.
  table.addEventListener('sorted', () => { page = 0; render(); });
  controls.hidden = false;
  render();
}
