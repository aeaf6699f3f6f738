// An example bot: prices its API at the market's price and spends what keeps six quarters of cash.
// Copy it and change it; docs/bots.md describes the view and the commands (money is in 万元).
//   npm run --silent sim -- --bot examples/bots/market-follower.mjs --seed 42

const RUNWAY_TARGET = 6; // quarters of cash the budget is set to keep
const MARGIN = 1.2; // never price below cost × this

/** @param {import('../../src/app/bot-api').BotView} view */
export function decide(view) {
  const me = view.me;
  const last = me.lastQuarter;
  const commands = [];

  // Cards first: the runner asks again while one waits. The first choice is the cautious one here.
  for (const card of view.events)
    commands.push({ type: 'event/answer', eventId: card.id, choiceId: card.choices[0].id });

  // Price: last quarter's market price, but not below what serving the tokens costs us, nor below a
  // strategic investor's own price (it forbids undercutting it).
  let price = Math.max(view.market.apiPrice, me.inferenceCost * MARGIN);
  const investor = view.giants.find((g) => g.id === me.strategic && g.active);
  if (investor) price = Math.max(price, investor.apiPrice);
  price = Math.min(Math.round(price * 100) / 100, view.level.limits.maxApiPrice);
  commands.push({ type: 'plan/set-api-price', mode: 'exact', price });

  // Budget: what leaves RUNWAY_TARGET quarters of cash, given salaries and last quarter's books.
  const revenue = last ? last.revenue : 0;
  const variable = last ? last.costBy.inference + last.costBy.customisation : 0;
  const budget = Math.floor(me.cash / RUNWAY_TARGET) - me.payroll - variable + revenue;
  commands.push({ type: 'plan/set-spend', amount: Math.max(0, Math.min(budget, me.cash)) });

  // A quarter of the budget on pretraining; the apps budget where customers pay, in open markets only.
  const wanted = { domestic: 10, overseas: 40, enterprise: 35, api: 15 };
  commands.push({
    type: 'plan/set-split',
    pretrainingBp: 2500,
    appWeights: openOnly(wanted, view.level.markets),
  });
  return commands;
}

/** The weights with closed markets at 0 and the rest scaled to sum to 100 (whole percentages). */
function openOnly(weights, markets) {
  const open = Object.keys(weights).filter((m) => markets[m]);
  const out = { domestic: 0, overseas: 0, enterprise: 0, api: 0 };
  const total = open.reduce((sum, m) => sum + weights[m], 0);
  let left = 100;
  open.forEach((m, i) => {
    out[m] = i === open.length - 1 ? left : Math.floor((100 * weights[m]) / total);
    left -= out[m];
  });
  return out;
}
