// The checks of a level file that zod cannot express: unique ids, quarter labels inside the
// campaign, and cross references (the player's companies, cards' concepts, investors and policy
// maps). Each error names the wrong field by its dotted path.

import type { LevelError } from './level';
import type { LevelFile } from './level-schema';
import { POLICY_KEYS } from './level-schema';
import { parseLabel, turnOf } from './schema-kit';

/** Checks that zod cannot express: unique ids, labels inside the campaign, cross references. */
export function crossCheck(file: LevelFile): LevelError[] {
  const errors: LevelError[] = [];
  const { year, q } = parseLabel(file.start);
  const last = file.quarters - 1;
  const inCampaign = (label: string) => {
    const t = turnOf(year, q, label);
    return t >= 0 && t <= last;
  };
  checkIds(file, errors);
  const checkLabels = (rec: Record<string, number>, p: string) => {
    for (const label of Object.keys(rec))
      if (!inCampaign(label))
        errors.push({
          path: `${p}.${label}`,
          message: `quarter outside the campaign (${file.start} + ${file.quarters})`,
        });
  };
  for (const [k, rec] of Object.entries(file.macro)) checkLabels(rec, `macro.${k}`);
  checkCards(file, inCampaign, errors);
  file.companies.forEach((c, i) => {
    const seen = new Set<string>();
    c.keyPeople.forEach((k, j) => {
      if (seen.has(k.id))
        errors.push({ path: `companies.${i}.keyPeople.${j}.id`, message: `duplicate id "${k.id}"` });
      seen.add(k.id);
    });
  });
  file.giants.forEach((g, i) => {
    checkLabels(g.quality, `giants.${i}.quality`);
    checkLabels(g.adSpend, `giants.${i}.adSpend`);
    checkLabels(g.domesticUsers, `giants.${i}.domesticUsers`);
    if (!inCampaign(g.enters))
      errors.push({ path: `giants.${i}.enters`, message: 'quarter outside the campaign' });
  });
  return errors;
}

/** Companies' and giants' ids are unique among them all; the player's companies are the level's. */
function checkIds(file: LevelFile, errors: LevelError[]): void {
  const ids = new Set<string>();
  const checkId = (id: string, p: string) => {
    if (ids.has(id)) errors.push({ path: p, message: `duplicate id "${id}"` });
    ids.add(id);
  };
  file.companies.forEach((c, i) => {
    checkId(c.id, `companies.${i}.id`);
  });
  file.giants.forEach((g, i) => {
    checkId(g.id, `giants.${i}.id`);
  });
  file.player.companies.forEach((id, i) => {
    if (!file.companies.some((c) => c.id === id))
      errors.push({
        path: `player.companies.${i}`,
        message: `"${id}" is not one of the level's companies (${file.companies.map((c) => c.id).join(', ')})`,
      });
  });
}

/** Cards: unique ids, a known concept, triggers inside the campaign, and their choices. */
function checkCards(file: LevelFile, inCampaign: (label: string) => boolean, errors: LevelError[]): void {
  const concepts = new Set(file.events.concepts.map((c) => c.id));
  const cardIds = new Set<string>();
  const investors = new Set(file.giants.map((g) => g.id));
  file.events.cards.forEach((card, i) => {
    const p = `events.cards.${i}`;
    if (cardIds.has(card.id)) errors.push({ path: `${p}.id`, message: `duplicate card id "${card.id}"` });
    cardIds.add(card.id);
    if (!concepts.has(card.concept))
      errors.push({
        path: `${p}.concept`,
        message: `unknown concept "${card.concept}" (define it in events.concepts)`,
      });
    const labels =
      card.trigger.kind === 'scripted'
        ? { quarter: card.trigger.quarter }
        : { from: card.trigger.from, to: card.trigger.to };
    for (const [k, label] of Object.entries(labels))
      if (!inCampaign(label))
        errors.push({ path: `${p}.trigger.${k}`, message: 'quarter outside the campaign' });
    checkChoices(card, p, investors, errors);
  });
}

/** A card's choices: unique ids, known investors, and a policy map naming real choices. */
function checkChoices(
  card: LevelFile['events']['cards'][number],
  p: string,
  investors: ReadonlySet<string>,
  errors: LevelError[],
): void {
  const choiceIds = new Set<string>();
  card.choices.forEach((choice, j) => {
    if (choiceIds.has(choice.id))
      errors.push({ path: `${p}.choices.${j}.id`, message: `duplicate choice id "${choice.id}"` });
    choiceIds.add(choice.id);
    choice.effects.forEach((e, k) => {
      if (e.kind === 'strategic' && !investors.has(e.investor))
        errors.push({
          path: `${p}.choices.${j}.effects.${k}.investor`,
          message: `unknown investor "${e.investor}"`,
        });
    });
  });
  for (const [who, choice] of Object.entries(card.policy)) {
    if (!POLICY_KEYS.includes(who))
      errors.push({
        path: `${p}.policy.${who}`,
        message: `not an archetype or autopilot (${POLICY_KEYS.join(', ')})`,
      });
    if (!choiceIds.has(choice))
      errors.push({ path: `${p}.policy.${who}`, message: `no choice "${choice}" on this card` });
  }
}
