// The widget kit of the screens (src/view/widgets/), each mounted alone in a blank page of Debian's
// Chromium: the radio group's picking by click and by arrow keys and its accessible names; the
// code field's message, validity and Enter; the data table's column names on every cell; the
// progress line's bar and live line; the toast; the language switch's pressed button.
import { join } from 'node:path';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, ROOT } from './helpers';

type Kit = typeof import('./widgets-entry');
type Win = { __kit: Kit; __log: string[] };

let browser: Browser;
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  const out = await build({
    entryPoints: [join(ROOT, 'tests/browser/widgets-entry.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: '__kit',
    platform: 'browser',
    target: 'es2022',
    logLevel: 'warning',
  });
  browser = await launch();
  page = await browser.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  await page.setContent(
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>kit</title></head><body></body></html>',
  );
  await page.addScriptTag({ content: out.outputFiles[0]!.text });
});

afterAll(async () => {
  expect(errors).toEqual([]);
  await browser?.close();
});

/** Clears the page and the log of callbacks. */
async function fresh(): Promise<void> {
  await page.evaluate(() => {
    document.body.replaceChildren();
    (window as unknown as Win).__log = [];
  });
}

const log = () => page.evaluate(() => (window as unknown as Win).__log);

describe('radioGroup', () => {
  beforeAll(async () => {
    await fresh();
    await page.evaluate(() => {
      const w = window as unknown as Win;
      let selected = 'b';
      const mount = () => {
        const el = w.__kit.radioGroup({
          name: 'pick',
          legend: 'Company',
          class: 'group',
          listClass: 'grid',
          options: ['a', 'b', 'c'].map((v) => ({
            value: v,
            id: `opt-${v}`,
            class: 'card',
            content: `Option ${v}`,
          })),
          selected,
          onSelect: (v) => {
            w.__log.push(v);
            selected = v;
            mount();
          },
        });
        document.body.replaceChildren(el);
      };
      mount();
    });
  });

  it('shows the picked option checked and marked, each input named by its card', async () => {
    expect(await page.isChecked('#opt-b')).toBe(true);
    expect(await page.getAttribute('label:has(#opt-b)', 'class')).toContain('on');
    expect(await page.getAttribute('label:has(#opt-a)', 'class')).not.toContain(' on');
    expect(await page.textContent('fieldset.group > legend')).toBe('Company');
    expect(await page.$$('fieldset.group > .grid > label.choice-card')).toHaveLength(3);
    const names = await page.$$eval('input[name="pick"]', (els) =>
      els.map((el) => (el as HTMLInputElement).labels?.[0]?.textContent ?? ''),
    );
    expect(names).toEqual(['Option a', 'Option b', 'Option c']);
  });

  it('picks by click and by arrow key, telling the screen each time', async () => {
    await page.click('label:has(#opt-c)');
    expect(await log()).toEqual(['c']);
    expect(await page.isChecked('#opt-c')).toBe(true);
    await page.focus('#opt-c');
    await page.keyboard.press('ArrowLeft');
    await page.waitForFunction(() => (window as unknown as Win).__log.length === 2);
    expect(await log()).toEqual(['c', 'b']);
    expect(await page.getAttribute('label:has(#opt-b)', 'class')).toContain('on');
  });
});

describe('CodeField', () => {
  beforeAll(async () => {
    await fresh();
    await page.evaluate(() => {
      const w = window as unknown as Win;
      const seed = new w.__kit.CodeField(
        {
          id: 'seed',
          messageId: 'seed-msg',
          label: 'Seed',
          value: '42',
          class: 'seed-input',
          attrs: { inputmode: 'numeric' },
          onInput: (v) => {
            w.__log.push(`input:${v}`);
            const bad = !/^\d+$/.test(v);
            seed.update({ invalid: bad, message: bad ? 'A seed is a whole number' : '' });
          },
          onEnter: () => w.__log.push('enter'),
        },
        { invalid: false, message: '' },
      );
      const code = new w.__kit.CodeField(
        {
          id: 'code',
          messageId: 'code-msg',
          label: 'Replay code',
          showLabel: false,
          rows: 2,
          value: '',
          class: 'code',
          messageClass: { ok: 'small', warn: 'warn-text small' },
          onInput: () => {},
          onEnter: () => w.__log.push('load'),
        },
        { invalid: true, message: 'Paste a code first' },
      );
      document.body.append(seed.label(false), seed.input, seed.message, code.input, code.message);
    });
  });

  it('is named by its label and described by its message line, a live status', async () => {
    const a11y = await page.evaluate(() => {
      const seed = document.getElementById('seed') as HTMLInputElement;
      const code = document.getElementById('code') as HTMLTextAreaElement;
      return {
        seedLabel: seed.labels?.[0]?.textContent,
        seedDescribed: seed.getAttribute('aria-describedby'),
        codeLabel: code.getAttribute('aria-label'),
        codeTag: code.tagName,
        role: document.getElementById('seed-msg')?.getAttribute('role'),
      };
    });
    expect(a11y).toEqual({
      seedLabel: 'Seed',
      seedDescribed: 'seed-msg',
      codeLabel: 'Replay code',
      codeTag: 'TEXTAREA',
      role: 'status',
    });
    expect(await page.textContent('#code-msg')).toBe('Paste a code first');
    expect(await page.getAttribute('#code-msg', 'class')).toBe('warn-text small');
    expect(await page.getAttribute('#code', 'aria-invalid')).toBe('true');
  });

  it('says what is wrong as the player types, and clears it, keeping the caret in the box', async () => {
    await page.click('#seed');
    await page.keyboard.press('End');
    await page.keyboard.type('x');
    expect(await page.getAttribute('#seed', 'aria-invalid')).toBe('true');
    expect(await page.getAttribute('#seed', 'class')).toBe('seed-input invalid');
    expect(await page.textContent('#seed-msg')).toBe('A seed is a whole number');
    await page.keyboard.press('Backspace');
    expect(await page.getAttribute('#seed', 'aria-invalid')).toBe('false');
    expect(await page.textContent('#seed-msg')).toBe('');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('seed');
    expect(await log()).toEqual(['input:42x', 'input:42']);
  });

  it('takes Enter in a one-line box; in a text area Enter without Shift, Shift+Enter a new line', async () => {
    await page.keyboard.press('Enter');
    await page.focus('#code');
    await page.keyboard.press('Shift+Enter');
    await page.keyboard.press('Enter');
    expect((await log()).slice(-2)).toEqual(['enter', 'load']);
    expect(await page.inputValue('#code')).toBe('\n');
  });
});

describe('dataTable', () => {
  it('gives every cell its column’s name and the table its roles, text only', async () => {
    await fresh();
    const t = await page.evaluate(() => {
      const w = window as unknown as Win;
      const table = w.__kit.dataTable<'name' | 'score'>({
        id: 't',
        class: 'tbl',
        columns: [
          { key: 'name', label: 'Name' },
          { key: 'score', label: 'Score', title: 'Against par' },
        ],
        rows: [
          {
            class: 'good',
            attrs: { 'data-line': 1 },
            cells: { name: { text: '<b>Ann</b>' }, score: { text: '12', class: 'num' } },
          },
          { cells: { name: { text: 'Bo' }, score: { text: '—' } } },
        ],
      });
      document.body.append(table);
      return {
        heads: [...table.querySelectorAll('th')].map((th) => [
          th.textContent,
          th.getAttribute('scope'),
          th.title,
        ]),
        cells: [...table.querySelectorAll('tbody td')].map((td) => [
          td.textContent,
          td.getAttribute('data-label'),
          td.getAttribute('role'),
        ]),
        rows: [...table.querySelectorAll('tbody tr')].map((tr) => [
          tr.getAttribute('role'),
          tr.className,
          tr.getAttribute('data-line') ?? '',
        ]),
        bold: table.querySelector('b') !== null,
        role: table.getAttribute('role'),
      };
    });
    expect(t.heads).toEqual([
      ['Name', 'col', ''],
      ['Score', 'col', 'Against par'],
    ]);
    expect(t.cells).toEqual([
      ['<b>Ann</b>', 'Name', 'cell'],
      ['12', 'Score', 'cell'],
      ['Bo', 'Name', 'cell'],
      ['—', 'Score', 'cell'],
    ]);
    expect(t.rows).toEqual([
      ['row', 'good', '1'],
      ['row', '', ''],
    ]);
    expect(t.bold).toBe(false);
    expect(t.role).toBe('table');
  });
});

describe('ProgressLine, Toast and langSwitch', () => {
  it('shows the bar only while running, indeterminate until the work is known, and its line', async () => {
    await fresh();
    const states = await page.evaluate(() => {
      const w = window as unknown as Win;
      const p = new w.__kit.ProgressLine('bar', 'line', { running: false, done: 0, total: 1, text: '' });
      document.body.append(p.bar, p.status);
      const read = () => ({
        hidden: p.bar.hidden,
        value: p.bar.getAttribute('value'),
        max: p.bar.max,
        text: p.status.textContent,
      });
      const out = [read()];
      p.update({ running: true, done: null, total: 1, text: 'Reading' });
      out.push(read());
      p.update({ running: true, done: 3, total: 8, text: 'Verifying' });
      out.push(read());
      p.update({ running: false, done: 0, total: 1, text: '8 codes' });
      out.push(read());
      return out;
    });
    expect(states).toEqual([
      { hidden: true, value: '0', max: 1, text: '' },
      { hidden: false, value: null, max: 1, text: 'Reading' },
      { hidden: false, value: '3', max: 8, text: 'Verifying' },
      { hidden: true, value: '0', max: 1, text: '8 codes' },
    ]);
  });

  it('shows a toast, then clears it after its time', async () => {
    await fresh();
    const shown = await page.evaluate(() => {
      const w = window as unknown as Win;
      const toast = new w.__kit.Toast('toast', 200);
      document.body.append(toast.element);
      toast.show('Nothing to undo');
      const el = toast.element;
      return { cls: el.className, text: el.textContent, live: el.getAttribute('aria-live') };
    });
    expect(shown).toEqual({ cls: 'toast on', text: 'Nothing to undo', live: 'polite' });
    await page.waitForFunction(() => document.getElementById('toast')?.className === 'toast');
    expect(await page.textContent('#toast')).toBe('');
  });

  it('presses the current language and switches on a click', async () => {
    await fresh();
    await page.evaluate(() => {
      const w = window as unknown as Win;
      document.body.append(
        w.__kit.langSwitch({
          label: 'Language',
          current: 'en',
          idPrefix: 'lang-',
          onPick: (l) => w.__log.push(l),
        }),
      );
    });
    expect(await page.getAttribute('#lang-en', 'aria-pressed')).toBe('true');
    expect(await page.getAttribute('#lang-zh-CN', 'aria-pressed')).toBe('false');
    expect(await page.getAttribute('[role="group"]', 'aria-label')).toBe('Language');
    await page.click('#lang-zh-CN');
    expect(await log()).toEqual(['zh-CN']);
  });
});
