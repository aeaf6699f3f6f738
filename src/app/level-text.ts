// Names and texts that come from the level data (companies, giants, cards, concepts, key
// people), picked in the player's language.

import type { Level } from '../engine/index';
import { cardById } from '../engine/index';
import type { Language } from './i18n';
import { levelText } from './i18n';

export function actorName(lang: Language, level: Level, id: string): string {
  const c = level.companies.find((x) => x.id === id);
  if (c) return levelText(lang, c.name);
  const g = level.giants.find((x) => x.id === id);
  if (g) return levelText(lang, g.name);
  return id;
}

export function cardTitle(lang: Language, level: Level, cardId: string): string {
  const card = cardById(level, cardId);
  return card ? levelText(lang, card.title) : cardId;
}

export function choiceLabel(lang: Language, level: Level, cardId: string, choiceId: string): string {
  const choice = cardById(level, cardId)?.choices.find((c) => c.id === choiceId);
  return choice ? levelText(lang, choice.label) : choiceId;
}

export function personName(lang: Language, level: Level, personId: string): string {
  for (const c of level.companies) {
    const p = c.keyPeople.find((k) => k.id === personId);
    if (!p) continue;
    const name = levelText(lang, p.name);
    const title = levelText(lang, p.title);
    return lang === 'en' ? `${name} (${title})` : `${name}（${title}）`;
  }
  return personId;
}

export function conceptOf(level: Level, conceptId: string) {
  return level.events.concepts.find((c) => c.id === conceptId);
}

/** The card id inside a pending-event id ("price-war@2024Q2" → "price-war"). */
export function cardIdOfEvent(eventId: string): string {
  const at = eventId.lastIndexOf('@');
  return at > 0 ? eventId.slice(0, at) : eventId;
}
