// The dashboard's three columns and, on a narrow screen, the tabs that show them one at a time
// (style.css shows the tab bar and hides the other columns under 1000 px wide only). The columns
// keep their scroll across renders (data-keep-scroll); the grid and the whole dashboard too, as
// on a narrow screen they are what scrolls.

import type { Child } from '../dom';
import { h } from '../dom';
import type { PanelContext } from './context';

/** The columns, as the tabs name them. */
export const TABS = ['overview', 'strategy', 'people'] as const;
export type DashTab = (typeof TABS)[number];

const COLUMN_CLASS: Record<DashTab, string> = { overview: 'left', strategy: 'center', people: 'right' };

/**
 * Which column a narrow screen shows, kept from quarter to quarter, and the parts that show it.
 * `root` is the dashboard's panel and `render` rebuilds it.
 */
export class ColumnTabs {
  tab: DashTab = 'strategy';

  constructor(
    private readonly root: () => HTMLElement,
    private readonly render: () => void,
  ) {}

  /** The tab bar and the grid of the three columns; both inert while a card or the guide is up. */
  build(
    tr: PanelContext['tr'],
    inert: boolean,
    columns: Record<DashTab, Child>,
  ): { tabs: HTMLElement; grid: HTMLElement } {
    const tab = this.tab;
    const tabs = h(
      'nav',
      { class: 'dash-tabs', attrs: { 'aria-label': tr('dash.tabs'), inert } },
      TABS.map((t) =>
        h('button', {
          id: `tab-${t}`,
          class: `btn dash-tab ${t === tab ? 'on' : ''}`,
          text: tr(`dash.tab.${t}`),
          attrs: { 'aria-pressed': t === tab ? 'true' : 'false', 'aria-controls': `col-${t}` },
          on: { click: () => this.pick(t) },
        }),
      ),
    );
    const grid = h(
      'main',
      { class: 'dash-grid', attrs: { inert, 'data-tab': tab, 'data-keep-scroll': 'grid' } },
      TABS.map((t) =>
        h(
          'div',
          {
            id: `col-${t}`,
            class: `col col-${COLUMN_CLASS[t]}`,
            attrs: { 'data-keep-scroll': COLUMN_CLASS[t] },
          },
          columns[t],
        ),
      ),
    );
    return { tabs, grid };
  }

  /** A tab picked: its column, from the top, the tab bar still in sight (a short screen scrolls the lot). */
  pick(tab: DashTab): void {
    this.tab = tab;
    this.render();
    const root = this.root();
    const bar = root.querySelector<HTMLElement>('.dash-tabs');
    const dash = root.querySelector('.dash');
    if (bar && dash && dash.scrollTop > bar.offsetTop) dash.scrollTo(0, bar.offsetTop);
    root.querySelector('.dash-grid')?.scrollTo(0, 0);
    root.querySelector(`#col-${tab}`)?.scrollTo(0, 0);
  }

  /**
   * Shows the tab whose column holds `el` (a control the guide points at) at once, without a
   * rebuild: the grid and the tab bar are marked.
   */
  reveal(el: HTMLElement): void {
    const tab = TABS.find((t) => el.closest(`#col-${t}`) !== null);
    if (!tab) return;
    this.tab = tab;
    const root = this.root();
    root.querySelector('.dash-grid')?.setAttribute('data-tab', tab);
    for (const t of TABS) {
      const button = root.querySelector(`#tab-${t}`);
      button?.classList.toggle('on', t === tab);
      button?.setAttribute('aria-pressed', t === tab ? 'true' : 'false');
    }
  }
}
