// A verify outcome in the player's language: the short name of each status, and the sentence
// saying why a code was refused with its details (the quarter where the replay diverged, the
// command that broke the rules and why, the versions or level that do not match). The browser
// shows these; `npm run verify` and the CSV keep the English `message` of the outcome.

import { playedOn, playerOf, quarterLabel } from '../engine/index';
import type { Level } from '../engine/level';
import type { CommandType, EndingKind } from '../engine/types';
import type { Language, TextKey } from './i18n';
import { rejectionText, t } from './i18n';
import type { RefusalKind, RefusalReason, ReplayStatus, VerifyOutcome } from './replay-code';
import { OLDEST_REPLAY_FORMAT, prefixOf, REPLAY_FORMAT } from './replay-code';

const STATUS_KEYS: Record<ReplayStatus, TextKey> = {
  valid: 'verify.status.valid',
  'unknown-format': 'verify.status.unknown-format',
  corrupted: 'verify.status.corrupted',
  'wrong-version': 'verify.status.wrong-version',
  'unknown-level': 'verify.status.unknown-level',
  'wrong-level-version': 'verify.status.wrong-level-version',
  tampered: 'verify.status.tampered',
  'illegal-command': 'verify.status.illegal-command',
};

const REFUSAL_KEYS: Record<RefusalKind, TextKey> = {
  'not-text': 'refusal.not-text',
  empty: 'refusal.empty',
  'not-a-code': 'refusal.not-a-code',
  'other-format': 'refusal.other-format',
  'too-long': 'refusal.too-long',
  'bad-characters': 'refusal.bad-characters',
  'cannot-unpack': 'refusal.cannot-unpack',
  'too-short': 'refusal.too-short',
  checksum: 'refusal.checksum',
  malformed: 'refusal.malformed',
  'bad-setup': 'refusal.bad-setup',
  unreadable: 'refusal.unreadable',
  'other-rules': 'refusal.other-rules',
  'unknown-level': 'refusal.unknown-level',
  'other-level-version': 'refusal.other-level-version',
  diverged: 'refusal.diverged',
  'extra-quarters': 'refusal.extra-quarters',
  'missing-quarters': 'refusal.missing-quarters',
  'final-hash': 'refusal.final-hash',
  illegal: 'refusal.illegal',
  'older-format': 'refusal.older-format',
  'non-canonical': 'refusal.non-canonical',
  'too-many-quarters': 'refusal.too-many-quarters',
  'too-many-commands': 'refusal.too-many-commands',
};

const COMMAND_KEYS: Record<CommandType, TextKey> = {
  'plan/set-spend': 'command.plan/set-spend',
  'plan/set-split': 'command.plan/set-split',
  'plan/set-api-price': 'command.plan/set-api-price',
  'people/set': 'command.people/set',
  'money/open-round': 'command.money/open-round',
  'money/cancel-round': 'command.money/cancel-round',
  'money/accept-offer': 'command.money/accept-offer',
  'money/decline-offer': 'command.money/decline-offer',
  'event/answer': 'command.event/answer',
  'quarter/end': 'command.quarter/end',
  'game/play-on': 'command.game/play-on',
};

/** The short name of an outcome status ("Altered", "被改动过"). */
export function statusText(lang: Language, status: ReplayStatus): string {
  return t(lang, STATUS_KEYS[status]);
}

/** A command type in words ("set the spend", "设定季度支出"); an unknown type as itself. */
export function commandText(lang: Language, type: string): string {
  const key = COMMAND_KEYS[type as CommandType];
  return key ? t(lang, key) : type;
}

/**
 * How a verified game ended, as the instructor table shows it: the ending's name ("Time's up"),
 * "not finished", or "—" for a refused code; a game that made it and played on adds when it made
 * it ("Time's up (made it in 2025Q1, played on)").
 */
export function rowEndingText(
  lang: Language,
  r: { ending: EndingKind | 'unfinished' | null; madeItQuarter: string | null; playedOn: boolean | null },
): string {
  if (!r.ending) return '—';
  const name = r.ending === 'unfinished' ? t(lang, 'replay.unfinished') : t(lang, `ending.${r.ending}.title`);
  return r.playedOn && r.madeItQuarter
    ? name + t(lang, 'ending.playedOnNote', { quarter: r.madeItQuarter })
    : name;
}

/** A valid code's ending in words (rowEndingText), with when it made it if it played on. */
export function validEndingText(
  lang: Language,
  level: Level | undefined,
  o: Extract<VerifyOutcome, { status: 'valid' }>,
): string {
  const madeIt = playerOf(o.state).madeItTurn;
  return rowEndingText(lang, {
    ending: o.ending?.kind ?? 'unfinished',
    madeItQuarter: madeIt === null || !level ? null : quarterLabel(level, madeIt),
    playedOn: playedOn(o.state),
  });
}

/** Why a code was refused, with its details, as one sentence in the player's language. */
export function refusalText(lang: Language, reason: RefusalReason): string {
  const key = REFUSAL_KEYS[reason.kind];
  switch (reason.kind) {
    case 'not-a-code':
      return t(lang, key, {
        prefix: prefixOf(OLDEST_REPLAY_FORMAT),
        newest: prefixOf(REPLAY_FORMAT),
        shown: reason.shown,
      });
    case 'illegal':
      return t(lang, key, {
        n: reason.n,
        total: reason.total,
        command: commandText(lang, reason.commandType),
        quarter: reason.quarter,
        why: rejectionText(lang, reason.rejection),
      });
    default: {
      const { kind: _kind, ...params } = reason;
      return t(lang, key, params);
    }
  }
}
