// The counterfactual levels are the historical level with a few named fields changed, and nothing
// else: each is rebuilt from levels/historical-2023.json plus the small patch below, so that a
// re-tuned historical level carries over to them with one command (`npm run --silent sync-levels`)
// and a test (tests/counterfactual-levels.test.ts) fails when a committed file has drifted from
// what its patch makes of the historical level.
//
// A patch names its header (id, version, name, brief) and its changes, in three kinds:
//   scale  — multiply every keyframe of a time path (or a number) by a factor;
//   set    — replace a field;
//   remove — drop the elements of an array with these ids.
// A path is dotted field names; `[id]` picks the element of an array whose `id` is that.
// Everything the patch does not name is the historical level's, in its order.

export type Text = { zh: string; en: string };

export interface Counterfactual {
  id: string;
  /** Replay codes carry it: bump it whenever the level's content changes (docs/levels.md §4). */
  version: number;
  name: Text;
  brief: Text;
  /** What the level changes and why, in one line (shown by `sync-levels`). */
  summary: string;
  scale?: Readonly<Record<string, number>>;
  set?: Readonly<Record<string, unknown>>;
  remove?: readonly string[];
}

/** The level the counterfactuals are rebuilt from, in the levels folder. */
export const HISTORICAL_FILE = 'historical-2023.json';

export const COUNTERFACTUALS: readonly Counterfactual[] = [
  {
    id: 'no-price-war',
    version: 9,
    name: { zh: '反事实：没有价格战的世界', en: 'Counterfactual: a world without the price war' },
    brief: {
      zh: '反事实实验：与历史战役相同的公司和年代，但没有 DeepSeek——没有那个把推理成本砍到十分之一、按成本加成定价的新架构——大厂也没有用云业务补贴 tokens，所以 2024 年 5 月的价格战没有发生。玩法和历史战役一样。把这一局和历史战役并排比较：API 价格只随推理成本下降——2024 年底仍是每百万 tokens 几十元，而不是不到 1 元——API 收入成为创业公司的一条真实收入线。讨论：价格战的代价由谁承担，好处又归了谁（开发者和用户）？',
      en: 'A counterfactual: the same companies and years as the historical campaign, but there is no DeepSeek — no new architecture that cuts serving costs tenfold and is priced at cost plus a margin — and big tech do not subsidise tokens from their clouds, so the May 2024 price war never happens. Play as in the historical campaign, then compare the two side by side: API prices fall only as fast as serving costs — still tens of yuan per million tokens at the end of 2024 instead of under ¥1 — and the API becomes a real revenue line for the startups. For the debrief: who paid for the price war, and who gained from it (developers and users)?',
    },
    summary:
      'no DeepSeek (no cost shock, no cost-plus entrant) and no cloud subsidy; the four cards of the war removed',
    // The cloud's gain per million tokens is 0 in every quarter: big tech price from their serving cost alone.
    scale: { 'macro.cloudSubsidy': 0 },
    remove: [
      // The entrant whose architecture cuts everyone's serving cost (architectureFactor 0.1).
      'giants[deepseek]',
      // The cards that only make sense with the war and with DeepSeek.
      'events.cards[price-war]',
      'events.cards[price-war-locked]',
      'events.cards[cloud-free-tokens]',
      'events.cards[deepseek-r1]',
    ],
  },
  {
    id: 'cheap-compute',
    version: 9,
    name: { zh: '反事实：算力便宜又充足', en: 'Counterfactual: cheap and plentiful compute' },
    brief: {
      zh: '反事实实验：与历史战役相同，但没有出口管制带来的算力短缺——GPU 小时价格减半，每季度能买到的算力是原来的三倍。试试"预训练优先"：模型质量会比历史战役里高。再看账本：更好的模型能不能换来盈利？价格战照样会来，便宜的算力也让对手的模型更强。',
      en: "A counterfactual: the historical campaign without the export-control squeeze — GPU-hours cost half as much and a startup can buy three times as many each quarter. Try pretraining first: your model gets better than in the historical campaign. Then read the books: does a better model turn into profit? The price war still comes, and cheap compute makes the rivals' models better too.",
    },
    summary: 'GPU-hours at half the price, three times as many to buy each quarter',
    scale: { 'macro.gpuHourPrice': 0.5, 'macro.gpuSupply': 3 },
  },
];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const isObject = (x: unknown): x is JsonObject => typeof x === 'object' && x !== null && !Array.isArray(x);

/** A path's steps: `events.cards[price-war].trigger` → events, cards, [price-war], trigger. */
function steps(path: string): { field?: string; id?: string }[] {
  const out: { field?: string; id?: string }[] = [];
  for (const part of path.split('.')) {
    const m = /^([^[\]]*)((?:\[[^[\]]+\])*)$/.exec(part);
    if (!m) throw new Error(`bad path "${path}"`);
    if (m[1]) out.push({ field: m[1] });
    for (const sel of m[2]!.match(/\[[^[\]]+\]/g) ?? []) out.push({ id: sel.slice(1, -1) });
  }
  if (out.length === 0) throw new Error(`empty path "${path}"`);
  return out;
}

/** The container and key that `path` ends at, or an error naming the first step that is missing. */
function locate(root: JsonObject, path: string): { parent: JsonObject | Json[]; key: string | number } {
  const s = steps(path);
  let node: Json = root;
  for (let k = 0; k < s.length; k++) {
    const step = s[k]!;
    let parent: JsonObject | Json[];
    let key: string | number;
    if (step.field !== undefined) {
      if (!isObject(node)) throw new Error(`${path}: "${step.field}" is not in an object`);
      if (!Object.hasOwn(node, step.field)) throw new Error(`${path}: no field "${step.field}"`);
      parent = node;
      key = step.field;
    } else {
      if (!Array.isArray(node)) throw new Error(`${path}: [${step.id}] is not in an array`);
      const i = node.findIndex((e) => isObject(e) && e.id === step.id);
      if (i < 0) throw new Error(`${path}: no element with id "${step.id}"`);
      parent = node;
      key = i;
    }
    if (k === s.length - 1) return { parent, key };
    node = (parent as Record<string | number, Json>)[key]!;
  }
  throw new Error(`empty path "${path}"`);
}

/** x × factor, with the float noise of the product rounded off (0.1 × 3 is 0.3, not 0.30000000000000004). */
function times(x: number, factor: number): number {
  return Number((x * factor).toPrecision(12));
}

function scaled(value: Json, factor: number, path: string): Json {
  if (typeof value === 'number') return times(value, factor);
  if (isObject(value)) {
    const out: JsonObject = {};
    for (const [k, v] of Object.entries(value)) {
      if (typeof v !== 'number') throw new Error(`${path}.${k}: not a number`);
      out[k] = times(v, factor);
    }
    return out;
  }
  throw new Error(`${path}: neither a number nor a time path`);
}

/**
 * The counterfactual level: the historical level's JSON with the patch's header and changes. Pure:
 * `historical` is not modified. Throws when a path of the patch names nothing in the historical
 * level (a renamed card or giant must be renamed in the patch too).
 */
export function deriveLevel(historical: unknown, cf: Counterfactual): JsonObject {
  if (!isObject(historical)) throw new Error('the historical level is not a JSON object');
  const level = structuredClone(historical);
  for (const field of ['id', 'version', 'name', 'brief'] as const)
    if (!Object.hasOwn(level, field)) throw new Error(`the historical level has no "${field}"`);
  level.id = cf.id;
  level.version = cf.version;
  level.name = { ...cf.name };
  level.brief = { ...cf.brief };
  for (const [path, factor] of Object.entries(cf.scale ?? {})) {
    const { parent, key } = locate(level, path);
    const p = parent as Record<string | number, Json>;
    p[key] = scaled(p[key]!, factor, path);
  }
  for (const [path, value] of Object.entries(cf.set ?? {})) {
    const { parent, key } = locate(level, path);
    (parent as Record<string | number, Json>)[key] = structuredClone(value) as Json;
  }
  for (const path of cf.remove ?? []) {
    const { parent, key } = locate(level, path);
    if (!Array.isArray(parent)) throw new Error(`${path}: remove takes an array element ([id])`);
    parent.splice(key as number, 1);
  }
  return level;
}

/** The text `sync-levels` writes for a level: two-space JSON and a final newline. */
export function levelText(level: unknown): string {
  return `${JSON.stringify(level, null, 2)}\n`;
}

const show = (x: unknown) => {
  const s = JSON.stringify(x) ?? 'undefined';
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
};

/**
 * Where two JSON values differ, one line per difference, by path: `~ path: a → b` for a changed
 * value, `- path` for one only in `a`, `+ path` for one only in `b`, `order path` when the same
 * fields or ids come in another order. Arrays of objects with ids are matched by id.
 */
export function jsonDifferences(a: unknown, b: unknown, path = ''): string[] {
  if (JSON.stringify(a) === JSON.stringify(b)) return [];
  const hasIds = (x: unknown): x is JsonObject[] =>
    Array.isArray(x) && x.every((e) => isObject(e) && typeof e.id === 'string');
  if (hasIds(a) && hasIds(b)) {
    const out: string[] = [];
    const ib = new Map(b.map((e) => [e.id as string, e]));
    const ia = new Map(a.map((e) => [e.id as string, e]));
    for (const [id, e] of ia) {
      const other = ib.get(id);
      if (other === undefined) out.push(`- ${path}[${id}]`);
      else out.push(...jsonDifferences(e, other, `${path}[${id}]`));
    }
    for (const id of ib.keys()) if (!ia.has(id)) out.push(`+ ${path}[${id}]`);
    const order = (x: JsonObject[], other: Map<string, unknown>) =>
      x.map((e) => e.id as string).filter((id) => other.has(id));
    if (JSON.stringify(order(a, ib)) !== JSON.stringify(order(b, ia))) out.push(`order ${path}`);
    return out;
  }
  if (isObject(a) && isObject(b)) {
    const out: string[] = [];
    const at = (k: string) => (path ? `${path}.${k}` : k);
    for (const k of Object.keys(a))
      if (!Object.hasOwn(b, k)) out.push(`- ${at(k)}: ${show(a[k])}`);
      else out.push(...jsonDifferences(a[k], b[k], at(k)));
    for (const k of Object.keys(b)) if (!Object.hasOwn(a, k)) out.push(`+ ${at(k)}: ${show(b[k])}`);
    const shared = (x: JsonObject, y: JsonObject) => Object.keys(x).filter((k) => Object.hasOwn(y, k));
    if (out.length === 0 && JSON.stringify(shared(a, b)) !== JSON.stringify(shared(b, a)))
      out.push(`order ${path || '(top)'}`);
    return out;
  }
  if (typeof a === 'string' && typeof b === 'string') {
    // Long texts: show both from a little before the first character that differs.
    let i = 0;
    while (i < a.length && a[i] === b[i]) i++;
    const from = Math.max(0, i - 12);
    const cut = (s: string) => (from > 0 ? `…${s.slice(from)}` : s);
    return [`~ ${path}: ${show(cut(a))} → ${show(cut(b))}`];
  }
  return [`~ ${path || '(top)'}: ${show(a)} → ${show(b)}`];
}
