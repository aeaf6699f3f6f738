// Why a replay code is not valid, in the player's language (the Load replay code screen, the
// replay viewer's compare box and the instructor's table say it the same way).

import type { Language } from '../../app/i18n';
import { refusalText } from '../../app/outcome-text';
import type { VerifyOutcome } from '../../app/replay-code';

export function replayProblem(lang: Language, o: Exclude<VerifyOutcome, { status: 'valid' }>): string {
  return refusalText(lang, o.reason);
}
