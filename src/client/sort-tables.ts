/** Makes every `table[data-sortable]` sortable by clicking (or pressing Enter on) a column header. */
export function enableSorting(root: ParentNode): void {
  for (const table of root.querySelectorAll<HTMLTableElement>('table[data-sortable]:not([data-sort-ready])')) {
    table.dataset.sortReady = 'true';
    const headers = [...table.tHead!.rows[0]!.cells];
    headers.forEach((th, index) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'sort';
      button.append(...th.childNodes);
      th.append(button);
      th.setAttribute('aria-sort', 'none');
      button.addEventListener('click', () => {
        const ascending = th.getAttribute('aria-sort') !== 'ascending';
        headers.forEach((h) => h.setAttribute('aria-sort', 'none'));
        th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
        sortBody(table, index, th.dataset.type === 'number', ascending);
        // A paged list (list-pager.ts) shows the first page of the new order.
        table.dispatchEvent(new Event('sorted'));
      });
    });
  }
}

const collator = new Intl.Collator('vi', { numeric: true });

function sortBody(table: HTMLTableElement, index: number, numeric: boolean, ascending: boolean): void {
  const body = table.tBodies[0]!;
  // A cell sorts by its data-sort where the page wrote one, else by the text it shows.
  const key = (row: HTMLTableRowElement) => row.cells[index]?.dataset.sort ?? row.cells[index]?.textContent?.trim() ?? '';
  const rows = [...body.rows].sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    if (x === '' || y === '') return x === y ? 0 : x === '' ? 1 : -1;
    const order = numeric ? Number(x) - Number(y) : collator.compare(x, y);
    return ascending ? order : -order;
  });
  body.append(...rows);
}
