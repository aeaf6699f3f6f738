// Replay codes, the command codec: one tag byte per command, then its fields (numbers as "nums",
// enumerations as indices, event answers and offers in their short forms, other ids through the
// code's string table).

import type { Level } from '../../engine/level';
import { quarterLabel } from '../../engine/level';
import type {
  AppMarket,
  Command,
  CommandType,
  Intensity,
  PayLevel,
  PricingMode,
  Role,
} from '../../engine/types';
import { APP_MARKETS, INTENSITIES, PAY_LEVELS, PRICING_MODES, ROLES } from '../../engine/types';
import { Malformed, type Reader, type Writer } from './bytes';

// ---------------------------------------------------------------------------------------------
// Commands

// The tag byte of each command type: part of the code format, so this order never changes (a
// new command type goes at the end, in a new format: tagsOf).
const TAGS: readonly CommandType[] = [
  'plan/set-spend',
  'plan/set-split',
  'plan/set-api-price',
  'people/set',
  'money/open-round',
  'money/cancel-round',
  'money/accept-offer',
  'money/decline-offer',
  'event/answer',
  'quarter/end',
  'game/play-on',
];

/** The tags a format has: format 2 the first ten, format 3 game/play-on too. */
function tagsOf(format: number): readonly CommandType[] {
  return format >= 3 ? TAGS : TAGS.slice(0, 10);
}

function enumIndex<T extends string>(list: readonly T[], v: T, what: string): number {
  const i = list.indexOf(v);
  if (i < 0) throw new Error(`replay code: unknown ${what} "${String(v)}"`);
  return i;
}

/** How ids are written: short forms against the level where they fit, else the string table. */
interface IdCodec {
  level: Level;
  /** quarterLabel(level, t) → t, for the turns an event can come up in. */
  turns: Map<string, number>;
  cardIndex: Map<string, number>;
}

export function idCodec(level: Level): IdCodec {
  const turns = new Map<string, number>();
  for (let t = 0; t < level.quarters + 8; t++) turns.set(quarterLabel(level, t), t);
  const cardIndex = new Map<string, number>();
  level.events.cards.forEach((c, i) => {
    if (!cardIndex.has(c.id)) cardIndex.set(c.id, i);
  });
  return { level, turns, cardIndex };
}

const OFFER_ID = /^acq-(0|[1-9]\d{0,8})$/;

export function writeCommand(w: Writer, c: Command, ids: IdCodec, strId: (s: string) => number): void {
  w.byte(enumIndex(TAGS, c.type, 'command type'));
  switch (c.type) {
    case 'plan/set-spend':
      w.num(c.amount);
      return;
    case 'plan/set-split':
      w.num(c.pretrainingBp);
      for (const m of APP_MARKETS) w.num(c.appWeights[m]);
      return;
    case 'plan/set-api-price':
      w.byte(enumIndex(PRICING_MODES, c.mode, 'pricing mode') | (c.price === undefined ? 0 : 8));
      if (c.price !== undefined) w.num(c.price);
      return;
    case 'people/set': {
      let flags = 0;
      ROLES.forEach((r, i) => {
        if (c.hires?.[r] !== undefined) flags |= 1 << i;
      });
      if (c.hires !== undefined) flags |= 8;
      if (c.payLevel !== undefined) flags |= 16;
      if (c.intensity !== undefined) flags |= 32;
      w.byte(flags);
      for (const r of ROLES) {
        const v = c.hires?.[r];
        if (v !== undefined) w.num(v);
      }
      if (c.payLevel !== undefined) w.byte(enumIndex(PAY_LEVELS, c.payLevel, 'pay level'));
      if (c.intensity !== undefined) w.byte(enumIndex(INTENSITIES, c.intensity, 'work intensity'));
      return;
    }
    case 'money/open-round':
      w.num(c.target);
      return;
    case 'money/accept-offer':
    case 'money/decline-offer': {
      const m = OFFER_ID.exec(c.offerId);
      if (m) w.varint(Number(m[1]) + 1);
      else {
        w.varint(0);
        w.varint(strId(c.offerId));
      }
      return;
    }
    case 'event/answer': {
      const at = c.eventId.lastIndexOf('@');
      const ci = at > 0 ? ids.cardIndex.get(c.eventId.slice(0, at)) : undefined;
      const turn = at > 0 ? ids.turns.get(c.eventId.slice(at + 1)) : undefined;
      const choice =
        ci === undefined ? -1 : ids.level.events.cards[ci]!.choices.findIndex((x) => x.id === c.choiceId);
      if (ci !== undefined && turn !== undefined && choice >= 0) {
        w.varint(ci + 1);
        w.varint(turn);
        w.varint(choice);
      } else {
        w.varint(0);
        w.varint(strId(c.eventId));
        w.varint(strId(c.choiceId));
      }
      return;
    }
    case 'money/cancel-round':
    case 'quarter/end':
    case 'game/play-on':
      return;
  }
}

export function readCommand(r: Reader, strings: readonly string[], level: Level, format: number): Command {
  const type = r.index(tagsOf(format), 'command type');
  const str = () => {
    const i = r.varint();
    const s = strings[i];
    if (s === undefined) throw new Malformed(`a command names id #${i}, which the code does not hold`);
    return s;
  };
  switch (type) {
    case 'plan/set-spend':
      return { type, amount: r.num() };
    case 'plan/set-split': {
      const pretrainingBp = r.num();
      const w = {} as Record<AppMarket, number>;
      for (const m of APP_MARKETS) w[m] = r.num();
      return { type, pretrainingBp, appWeights: w };
    }
    case 'plan/set-api-price': {
      const b = r.byte();
      if (b & ~15) throw new Malformed('a pricing command is malformed');
      const mode: PricingMode | undefined = PRICING_MODES[b & 7];
      if (mode === undefined) throw new Malformed(`unknown pricing mode #${b & 7}`);
      return b & 8 ? { type, mode, price: r.num() } : { type, mode };
    }
    case 'people/set': {
      const flags = r.byte();
      if (flags & ~63 || (flags & 7 && !(flags & 8))) throw new Malformed('a people command is malformed');
      const cmd: {
        type: 'people/set';
        hires?: Partial<Record<Role, number>>;
        payLevel?: PayLevel;
        intensity?: Intensity;
      } = { type };
      if (flags & 8) {
        const hires: Partial<Record<Role, number>> = {};
        ROLES.forEach((role, i) => {
          if (flags & (1 << i)) hires[role] = r.num();
        });
        cmd.hires = hires;
      }
      if (flags & 16) cmd.payLevel = r.index(PAY_LEVELS, 'pay level');
      if (flags & 32) cmd.intensity = r.index(INTENSITIES, 'work intensity');
      return cmd;
    }
    case 'money/open-round':
      return { type, target: r.num() };
    case 'money/cancel-round':
    case 'quarter/end':
    case 'game/play-on':
      return { type };
    case 'money/accept-offer':
    case 'money/decline-offer': {
      const k = r.varint();
      return { type, offerId: k === 0 ? str() : `acq-${k - 1}` };
    }
    case 'event/answer': {
      const k = r.varint();
      if (k === 0) return { type, eventId: str(), choiceId: str() };
      const card = level.events.cards[k - 1];
      if (!card)
        throw new Malformed(`an event answer names card #${k - 1}, which level "${level.id}" does not have`);
      const turn = r.varint();
      if (turn >= level.quarters + 8) throw new Malformed(`an event answer names turn ${turn}`);
      const choice = card.choices[r.varint()];
      if (!choice) throw new Malformed(`an event answer names a choice card "${card.id}" does not have`);
      return { type, eventId: `${card.id}@${quarterLabel(level, turn)}`, choiceId: choice.id };
    }
  }
}
