// A data table: a header row of column names and a body of rows. Each cell carries its column's
// name (data-label), so on a narrow screen style.css lays each row out as a card of "name: value"
// lines; the explicit table roles keep a screen reader reading it as a table in that layout too.

import type { Child } from '../dom';
import { h } from '../dom';

export type Attrs = Record<string, string | number | boolean | null | undefined>;

export interface TableColumn<K extends string = string> {
  key: K;
  label: string;
  /** A longer explanation of the column, on hover. */
  title?: string;
}

export interface TableCell {
  text: string;
  class?: string;
  attrs?: Attrs;
}

export interface TableRow<K extends string = string> {
  class?: string;
  attrs?: Attrs;
  cells: Record<K, TableCell>;
}

export interface TableProps<K extends string = string> {
  id: string;
  class: string;
  columns: readonly TableColumn<K>[];
  rows: readonly TableRow<K>[];
  /** The table's caption, if any. */
  caption?: Child;
}

export function dataTable<K extends string>(props: TableProps<K>): HTMLTableElement {
  const head = props.columns.map((c) =>
    h('th', { text: c.label, attrs: { scope: 'col', role: 'columnheader', title: c.title ?? null } }),
  );
  const body = props.rows.map((r) =>
    h(
      'tr',
      { ...(r.class ? { class: r.class } : {}), attrs: { role: 'row', ...r.attrs } },
      props.columns.map((c) => {
        const cell = r.cells[c.key];
        return h('td', {
          ...(cell.class ? { class: cell.class } : {}),
          text: cell.text,
          attrs: { ...cell.attrs, role: 'cell', 'data-label': c.label },
        });
      }),
    ),
  );
  return h(
    'table',
    { id: props.id, class: props.class, attrs: { role: 'table' } },
    props.caption ? h('caption', {}, props.caption) : null,
    h('thead', { attrs: { role: 'rowgroup' } }, h('tr', { attrs: { role: 'row' } }, head)),
    h('tbody', { attrs: { role: 'rowgroup' } }, body),
  );
}
