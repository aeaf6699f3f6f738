// An example bot: raises money when its runway gets short, and trims the budget while it waits.
// Copy it and change it; docs/bots.md describes the view and the commands (money is in 万元).
//   npm run --silent sim -- --bot examples/bots/runway-raiser.mjs --seed 42

const RAISE_BELOW = 4; // open a round when fewer quarters of cash than this are left
const ASK_SHARE = 0.2; // ask for this share of the valuation

/** @param {import('../../src/app/bot-api').BotView} view */
export function decide(view) {
  const me = view.me;
  const commands = [];

  for (const card of view.events)
    commands.push({ type: 'event/answer', eventId: card.id, choiceId: card.choices[0].id });
  // Sell only when the money is about to run out; otherwise let offers lapse.
  for (const offer of view.offers)
    if (me.plannedRunway < 1) return [...commands, { type: 'money/accept-offer', offerId: offer.id }];

  const raising = me.round !== null || me.plan.roundTarget !== null;
  if (me.plannedRunway < RAISE_BELOW && !raising) {
    const target = Math.max(1, Math.round(me.valuation * ASK_SHARE));
    commands.push({ type: 'money/open-round', target });
  }
  // Short of cash: spend a fifth less each quarter until the runway is back; otherwise 10 % more.
  const factor = me.plannedRunway < RAISE_BELOW ? 0.8 : 1.1;
  const spend = Math.min(me.cash, Math.floor(me.plan.spend * factor));
  if (spend !== me.plan.spend) commands.push({ type: 'plan/set-spend', amount: Math.max(0, spend) });
  return commands;
}
