// Why a replay code is not valid, in the player's language (the Load replay code screen and the
// replay viewer's compare box say it the same way).

import type { Language } from '../../app/i18n';
import { rejectionText, t } from '../../app/i18n';
import { findLevel } from '../../app/levels';
import type { VerifyOutcome } from '../../app/replay-code';
import { RULES_VERSION } from '../../engine/index';

export function replayProblem(lang: Language, o: Exclude<VerifyOutcome, { status: 'valid' }>): string {
  switch (o.status) {
    case 'wrong-version':
      return t(lang, 'replay.wrong-version', { code: o.header?.rulesVersion ?? '?', ours: RULES_VERSION });
    case 'unknown-level':
      return t(lang, 'replay.unknown-level', { level: o.header?.levelId ?? '?' });
    case 'wrong-level-version': {
      const id = o.header?.levelId ?? '?';
      const ours = findLevel(id)?.version ?? '?';
      return t(lang, 'replay.wrong-level-version', { level: id, code: o.header?.levelVersion ?? '?', ours });
    }
    case 'tampered':
      return t(lang, 'replay.tampered', { quarter: o.quarter });
    case 'illegal-command':
      return t(lang, 'replay.illegal-command', {
        n: o.index + 1,
        type: o.commandType,
        quarter: o.quarter,
        why: rejectionText(lang, o.rejection.code),
      });
    case 'unknown-format':
      return t(lang, 'replay.unknown-format');
    default:
      return t(lang, 'replay.corrupted');
  }
}
