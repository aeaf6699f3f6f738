// Numbers as the player reads them, per language. Money arrives as integer 万元 (¥10,000):
// Chinese readers get 万元 / 亿元, English readers ¥M / ¥B.

import type { Language } from './i18n';

const groupZh = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 });
const groupEn = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

function fixed(x: number, digits: number): string {
  return x.toFixed(digits);
}

/** Money in 万元 → "3,200 万元" / "12.50 亿元" or "¥32.0M" / "¥1.25B". */
export function money(lang: Language, wan: number): string {
  const sign = wan < 0 ? '−' : '';
  const a = Math.abs(wan);
  if (a === 0) return lang === 'zh-CN' ? '0 万元' : '¥0';
  if (lang === 'zh-CN') {
    if (a >= 10_000) return `${sign}${fixed(a / 10_000, a >= 1_000_000 ? 1 : 2)} 亿元`;
    return `${sign}${groupZh.format(a)} 万元`;
  }
  const yuan = a * 10_000;
  if (yuan >= 1e9) return `${sign}¥${fixed(yuan / 1e9, 2)}B`;
  if (yuan >= 1e6) return `${sign}¥${fixed(yuan / 1e6, yuan >= 1e8 ? 0 : 1)}M`;
  return `${sign}¥${fixed(yuan / 1e3, 0)}k`;
}

/** Money for chart axes: as short as the ticks allow ("12亿", "5000万", "¥1.2B", "¥300M"). */
export function moneyAxis(lang: Language, wan: number): string {
  const sign = wan < 0 ? '−' : '';
  const a = Math.abs(wan);
  const trim = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(x >= 10 ? 0 : 1));
  if (a === 0) return '0';
  if (lang === 'zh-CN') return a >= 10_000 ? `${sign}${trim(a / 10_000)}亿` : `${sign}${trim(a)}万`;
  const yuan = a * 10_000;
  if (yuan >= 1e9) return `${sign}¥${trim(yuan / 1e9)}B`;
  if (yuan >= 1e6) return `${sign}¥${trim(yuan / 1e6)}M`;
  return `${sign}¥${trim(yuan / 1e3)}k`;
}

/** Signed money: "+1,200 万元" / "−¥3.0M". */
export function signedMoney(lang: Language, wan: number): string {
  return wan > 0 ? `+${money(lang, wan)}` : money(lang, wan);
}

/** The unit money inputs use: 万元 in Chinese, ¥ millions (100 万元) in English. */
export function moneyInputScale(lang: Language): number {
  return lang === 'zh-CN' ? 1 : 100;
}

/** People or users: "3,600 万" / "36.0M". */
export function count(lang: Language, n: number): string {
  const a = Math.abs(n);
  const sign = n < 0 ? '−' : '';
  if (lang === 'zh-CN') {
    if (a >= 1e8) return `${sign}${fixed(a / 1e8, 2)} 亿`;
    if (a >= 1e4) return `${sign}${fixed(a / 1e4, a >= 1e6 ? 0 : 1)} 万`;
    return `${sign}${groupZh.format(a)}`;
  }
  if (a >= 1e9) return `${sign}${fixed(a / 1e9, 2)}B`;
  if (a >= 1e6) return `${sign}${fixed(a / 1e6, 1)}M`;
  if (a >= 1e4) return `${sign}${fixed(a / 1e3, 0)}k`;
  return `${sign}${groupEn.format(a)}`;
}

export function integer(lang: Language, n: number): string {
  return (lang === 'zh-CN' ? groupZh : groupEn).format(n);
}

/** API price, ¥ per million tokens, with enough digits for the post-war cents. */
export function price(n: number): string {
  if (!Number.isFinite(n)) return '—';
  if (n === 0) return '¥0';
  if (n < 1) return `¥${fixed(n, 3)}`;
  if (n < 10) return `¥${fixed(n, 2)}`;
  return `¥${fixed(n, 1)}`;
}

/** A share 0..1 → "35%". */
export function pct(x: number, digits = 0): string {
  return `${fixed(x * 100, digits)}%`;
}

/** Runway in quarters; "∞" when not burning. */
export function runway(lang: Language, q: number): string {
  if (!Number.isFinite(q) || q >= 99) return '∞';
  return lang === 'zh-CN' ? `${fixed(q, 1)} 个季度` : `${fixed(q, 1)} qtrs`;
}

export function quality(q: number): string {
  return fixed(q, 1);
}
