// Verify outcomes in the player's language: every status has a name in both languages, every
// refusal reason a sentence in both, and real refused codes are worded with their details (the
// quarter, the command, the versions or level) in Chinese as well as English.

import { describe, expect, it } from 'vitest';
import { madeItGames, playedOnByAutopilot } from '../../tests/helpers';
import { playGame, quarterLabel } from '../engine/index';
import type { Command } from '../engine/types';
import { RULES_VERSION } from '../engine/version';
import type { Language } from './i18n';
import { LANGUAGES, rejectionText } from './i18n';
import { findLevel, getLevel } from './levels';
import { commandText, refusalText, rowEndingText, statusText, validEndingText } from './outcome-text';
import type { RefusalKind, RefusalReason, Replay, ReplayInput, VerifyOutcome } from './replay-code';
import {
  decodeReplay,
  encodeReplay,
  REFUSAL_KINDS,
  REPLAY_STATUSES,
  replayCodeOf,
  verifyReplay,
} from './replay-code';

const level = getLevel('historical-2023');
const game = playGame(level, 42, 'moonshot', 'balanced');
const code = replayCodeOf(level, game.state, game.log);
const replay: Replay = (() => {
  const d = decodeReplay(code, findLevel);
  if (!d.ok) throw new Error(d.message);
  return d.replay;
})();
const recode = (over: Partial<ReplayInput>, lv = level) => encodeReplay({ ...replay, ...over }, lv);

/** A sample of every reason, with parameters that must show up in its text. */
const SAMPLES: Record<RefusalKind, RefusalReason> = {
  'not-text': { kind: 'not-text' },
  empty: { kind: 'empty' },
  'not-a-code': { kind: 'not-a-code', shown: 'hello' },
  'other-format': { kind: 'other-format', format: 7, oldest: 2, ours: 3 },
  'too-long': { kind: 'too-long', chars: 123456 },
  'bad-characters': { kind: 'bad-characters' },
  'cannot-unpack': { kind: 'cannot-unpack' },
  'too-short': { kind: 'too-short' },
  checksum: { kind: 'checksum' },
  malformed: { kind: 'malformed' },
  'bad-setup': { kind: 'bad-setup', company: 'openai', seed: 99 },
  unreadable: { kind: 'unreadable' },
  'other-rules': { kind: 'other-rules', code: 17, ours: 3 },
  'unknown-level': { kind: 'unknown-level', level: 'atlantis' },
  'other-level-version': { kind: 'other-level-version', level: 'atlantis', code: 17, ours: 3 },
  diverged: { kind: 'diverged', turn: 3, quarter: '2023Q4' },
  'extra-quarters': { kind: 'extra-quarters', turn: 16, quarter: '2027Q1', recorded: 16 },
  'missing-quarters': { kind: 'missing-quarters', turn: 15, quarter: '2026Q4', recorded: 16, played: 15 },
  'final-hash': { kind: 'final-hash', turn: 15, quarter: '2026Q4' },
  illegal: {
    kind: 'illegal',
    n: 3,
    total: 120,
    commandType: 'plan/set-spend',
    turn: 0,
    quarter: '2023Q1',
    rejection: 'insufficient-cash',
  },
  'older-format': { kind: 'older-format', format: 1, oldest: 2, ours: 3 },
  'non-canonical': { kind: 'non-canonical' },
  'too-many-quarters': { kind: 'too-many-quarters', quarters: 41, max: 16 },
  'too-many-commands': { kind: 'too-many-commands', commands: 99123, quarters: 16, max: 1700 },
};

const HAN = /[\u4e00-\u9fff]/;

function checkWording(lang: Language, text: string): void {
  expect(text.trim()).not.toBe('');
  expect(text).not.toMatch(/\{\w+\}|undefined|NaN|refusal\.|verify\.status\./);
  if (lang === 'zh-CN') expect(text).toMatch(HAN);
  else expect(text).not.toMatch(HAN);
}

describe('status names', () => {
  it('every outcome status has a name in both languages, and they differ', () => {
    for (const status of REPLAY_STATUSES) {
      const zh = statusText('zh-CN', status);
      const en = statusText('en', status);
      checkWording('zh-CN', zh);
      checkWording('en', en);
      expect(zh).not.toBe(en);
    }
    // Distinct names within a language.
    for (const lang of LANGUAGES)
      expect(new Set(REPLAY_STATUSES.map((s) => statusText(lang, s))).size).toBe(REPLAY_STATUSES.length);
  });

  it('every refused status lists its reasons, and every reason is worded in both languages', () => {
    const listed = Object.values(REFUSAL_KINDS).flat();
    expect(new Set(listed)).toEqual(new Set(Object.keys(SAMPLES)));
    expect(Object.keys(REFUSAL_KINDS).sort()).toEqual(REPLAY_STATUSES.filter((s) => s !== 'valid').sort());
    for (const reason of Object.values(SAMPLES)) {
      const texts = LANGUAGES.map((lang) => refusalText(lang, reason));
      for (const [i, text] of texts.entries()) checkWording(LANGUAGES[i]!, text);
      expect(texts[0]).not.toBe(texts[1]);
      // The details are in the text, in both languages.
      for (const [k, v] of Object.entries(reason)) {
        if (k === 'kind' || k === 'turn' || k === 'commandType' || k === 'rejection') continue;
        for (const text of texts) expect(text, `${reason.kind}.${k}`).toContain(String(v));
      }
    }
  });

  it('names every command type in both languages', () => {
    for (const t of ['plan/set-spend', 'quarter/end', 'event/answer'])
      for (const lang of LANGUAGES) checkWording(lang, commandText(lang, t));
    expect(commandText('en', 'made/up')).toBe('made/up');
  });
});

describe('real refusals, worded', () => {
  const refused = (o: VerifyOutcome) => {
    if (o.status === 'valid') throw new Error('expected a refusal');
    return o;
  };

  it('each refused status of a real code carries one of its listed reasons', () => {
    const spend = replay.log.findIndex((c) => c.type === 'plan/set-spend');
    const outcomes: VerifyOutcome[] = [
      verifyReplay('', findLevel),
      verifyReplay('hello <b>world</b>', findLevel),
      verifyReplay(`ST7.${code.slice(4)}`, findLevel),
      verifyReplay(code.slice(0, 60), findLevel),
      verifyReplay(`${code.slice(0, 40)}*${code.slice(41)}`, findLevel),
      verifyReplay(recode({ company: 'openai' }), findLevel),
      verifyReplay(recode({ rulesVersion: RULES_VERSION + 1 }), findLevel),
      verifyReplay(recode({ levelId: 'atlantis' }, { ...level, id: 'atlantis' }), findLevel),
      verifyReplay(
        recode({ levelVersion: level.version + 6 }, { ...level, version: level.version + 6 }),
        findLevel,
      ),
      verifyReplay(recode({ finalHash: 'ffffffffffffffff' }), findLevel),
      verifyReplay(
        recode({
          log: replay.log.map((c, i) =>
            i === spend && c.type === 'plan/set-spend' ? { ...c, amount: c.amount - 1000 } : c,
          ),
        }),
        findLevel,
      ),
      verifyReplay(recode({ log: [...replay.log, { type: 'quarter/end' } as Command] }), findLevel),
    ];
    const seen = new Set<string>();
    for (const o of outcomes.map(refused)) {
      expect(REFUSAL_KINDS[o.status]).toContain(o.reason.kind);
      seen.add(o.status);
      for (const lang of LANGUAGES) checkWording(lang, refusalText(lang, o.reason));
    }
    expect([...seen].sort()).toEqual(REPLAY_STATUSES.filter((s) => s !== 'valid').sort());
  });

  it('a tampered code names the quarter where the replay diverged', () => {
    // Lower the spend of the 4th quarter (turn 3): quarters 0–2 still match.
    let quarter = 0;
    const i = replay.log.findIndex((c) => {
      if (c.type === 'quarter/end') quarter++;
      return quarter === 3 && c.type === 'plan/set-spend';
    });
    const log = replay.log.slice();
    const c = log[i] as { type: 'plan/set-spend'; amount: number };
    log[i] = { ...c, amount: c.amount - 1000 };
    const o = refused(verifyReplay(recode({ log }), findLevel));
    expect(o.reason).toEqual({ kind: 'diverged', turn: 3, quarter: '2023Q4' });
    expect(refusalText('zh-CN', o.reason)).toBe(
      '回放码被改动过：重演到 2023Q4 时，状态与码中记录的校验码不符。',
    );
    expect(refusalText('en', o.reason)).toContain('diverged');
    expect(refusalText('en', o.reason)).toContain('2023Q4');
  });

  it('an illegal command is named by its place, kind, quarter and the rule it breaks', () => {
    const log = replay.log.slice();
    log.splice(2, 0, { type: 'plan/set-spend', amount: 10 ** 12 });
    const o = refused(verifyReplay(recode({ log }), findLevel));
    expect(o.reason).toMatchObject({
      kind: 'illegal',
      n: 3,
      total: log.length,
      rejection: 'insufficient-cash',
    });
    const zh = refusalText('zh-CN', o.reason);
    expect(zh).toContain('第 3 条指令');
    expect(zh).toContain('设定季度支出');
    expect(zh).toContain('2023Q1');
    expect(zh).toContain('现金不足');
    const en = refusalText('en', o.reason);
    expect(en).toContain(`Command 3 of ${log.length}`);
    expect(en).toContain('set the spend');
    expect(en).toContain('Not enough cash');
  });

  it('versions and levels are named', () => {
    const rules = refused(verifyReplay(recode({ rulesVersion: RULES_VERSION + 1 }), findLevel));
    for (const lang of LANGUAGES) {
      expect(refusalText(lang, rules.reason)).toContain(`v${RULES_VERSION + 1}`);
      expect(refusalText(lang, rules.reason)).toContain(`v${RULES_VERSION}`);
    }
    const lv = refused(
      verifyReplay(
        recode({ levelVersion: level.version + 6 }, { ...level, version: level.version + 6 }),
        findLevel,
      ),
    );
    for (const lang of LANGUAGES) {
      const text = refusalText(lang, lv.reason);
      expect(text).toContain(`v${level.version + 6}`);
      expect(text).toContain(`v${level.version}`);
      expect(text).toContain('historical-2023');
    }
    const junk = refused(verifyReplay('hello <b>world</b>', findLevel));
    expect(refusalText('zh-CN', junk.reason)).toContain('hello <b>world</b>');
  });
});

describe('the ending of a row', () => {
  it('names the ending, and for a game that played on when it made it, in both languages', () => {
    const row = { ending: 'times-up', madeItQuarter: '2025Q1', playedOn: true } as const;
    expect(rowEndingText('en', row)).toBe("Time's up (made it in 2025Q1, played on)");
    expect(rowEndingText('zh-CN', row)).toBe('时间到（2025Q1 已盈利，之后继续经营）');
    expect(rowEndingText('en', { ending: 'made-it', madeItQuarter: '2025Q1', playedOn: false })).toBe(
      'You made it!',
    );
    expect(rowEndingText('en', { ending: 'unfinished', madeItQuarter: '2025Q1', playedOn: true })).toBe(
      'not finished (made it in 2025Q1, played on)',
    );
    expect(rowEndingText('en', { ending: null, madeItQuarter: null, playedOn: null })).toBe('—');
  });

  it('words the play-on command and its refusals', () => {
    for (const lang of LANGUAGES) {
      expect(commandText(lang, 'game/play-on')).not.toBe('game/play-on');
      for (const code of ['not-made-it', 'no-quarters-left'] as const)
        expect(rejectionText(lang, code)).not.toContain(code);
    }
  });
});

describe('the ending of a valid code', () => {
  it('says when a played-on game made it; a made-it ending is just made it', () => {
    const attrition = getLevel('attrition');
    const made = madeItGames(attrition, [1], ['balanced'], 2, 1)[0]!;
    const on = playedOnByAutopilot(made);
    const quarter = quarterLabel(attrition, made.state.ending!.turn);
    const vOn = verifyReplay(replayCodeOf(attrition, on.state, on.log), findLevel);
    const vMade = verifyReplay(replayCodeOf(attrition, made.state, made.log), findLevel);
    if (vOn.status !== 'valid' || vMade.status !== 'valid') throw new Error('expected valid codes');
    expect(validEndingText('en', attrition, vOn)).toBe(
      rowEndingText('en', { ending: on.state.ending!.kind, madeItQuarter: quarter, playedOn: true }),
    );
    expect(validEndingText('en', attrition, vOn)).toContain(`made it in ${quarter}, played on`);
    expect(validEndingText('zh-CN', attrition, vMade)).toBe('盈利了！');
  });
});
