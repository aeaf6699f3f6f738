// News items from the engine (a key, a subject and parameters) as sentences in the player's
// language. Parameters are formatted by their name: money, prices, qualities, people, cards.

import type { Level, NewsItem } from '../engine/index';
import { count, money, pct, price } from './format';
import type { Language, PluralKey, TextKey } from './i18n';
import { hasText, pluralKey, t } from './i18n';
import { actorName, cardTitle, choiceLabel, personName } from './level-text';

const MONEY_PARAMS = new Set(['amount', 'valuation', 'target', 'spent', 'cost', 'income', 'revenue', 'fee']);

function param(lang: Language, level: Level, item: NewsItem, name: string, value: number | string): string {
  if (typeof value === 'number') {
    if (MONEY_PARAMS.has(name)) return money(lang, value);
    if (name === 'price') return price(value);
    if (name.endsWith('Bp')) return pct(value / 10_000, 1);
    if (name === 'users' || name === 'count') return count(lang, value);
    return String(value);
  }
  switch (name) {
    case 'card':
      return cardTitle(lang, level, value);
    case 'choice':
      return typeof item.params.card === 'string' ? choiceLabel(lang, level, item.params.card, value) : value;
    case 'person':
      return personName(lang, level, value);
    case 'investor':
    case 'from':
    case 'buyer':
    case 'company':
    case 'giant':
      return actorName(lang, level, value);
    default:
      return value;
  }
}

/**
 * The text key of a news item: where the tables have counted forms of its key (`key.one` and
 * `key.other`, e.g. news.poached) and the item has a numeric `count`, the form for that count.
 */
function newsKey(lang: Language, item: NewsItem): TextKey {
  const n = item.params?.count;
  if (typeof n === 'number' && hasText(`${item.key}.one`) && hasText(`${item.key}.other`))
    return pluralKey(lang, item.key as PluralKey, n);
  return item.key;
}

export function newsText(lang: Language, level: Level, item: NewsItem): string {
  const params: Record<string, string> = {
    subject: item.subject ? actorName(lang, level, item.subject) : '',
  };
  for (const [k, v] of Object.entries(item.params ?? {})) params[k] = param(lang, level, item, k, v);
  if (hasText(item.key)) return t(lang, newsKey(lang, item), params);
  // A key this build does not know yet (the engine grows faster than the tables): say something sane.
  return t(lang, 'news.unknown', { subject: params.subject || '—', key: item.key });
}
