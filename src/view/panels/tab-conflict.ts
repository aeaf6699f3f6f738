// The notice a tab shows when another tab has written its save: what is stored there now, and
// the three ways on — load that game here, take over with this one (the other is backed up), or
// play this one as a separate save. It is a modal dialog the player must answer: this tab saves
// nothing meanwhile. Also the label of a stored game, shared with the title's list of backups.

import type { SaveSummary } from '../../app/autosave';
import type { SaveConflict } from '../../app/context';
import type { Language } from '../../app/i18n';
import { t } from '../../app/i18n';
import { actorName } from '../../app/level-text';
import { findLevel } from '../../app/levels';
import { quarterLabel } from '../../engine/index';
import { h } from '../dom';

/** "Company · quarter" of a stored game, read without replaying it (marked when it is known to be finished). */
export function gameLabel(
  lang: Language,
  game: Pick<SaveSummary, 'levelId' | 'company' | 'turn'> & { ended?: boolean },
): string {
  const level = findLevel(game.levelId);
  return t(lang, game.ended ? 'links.savedEnded' : 'title.continueDetail', {
    company: level ? actorName(lang, level, game.company) : game.company,
    quarter: level ? quarterLabel(level, game.turn) : String(game.turn + 1),
  });
}

export interface ConflictChoices {
  load(): void;
  keep(): void;
  separate(): void;
}

function choice(id: string, label: string, note: string, primary: boolean, onClick: () => void): HTMLElement {
  return h(
    'button',
    { id, class: `btn tab-choice ${primary ? 'primary' : ''}`, on: { click: onClick } },
    h('strong', { text: label }),
    h('small', { text: note }),
  );
}

export function tabConflictDialog(
  lang: Language,
  conflict: SaveConflict,
  error: string | null,
  choices: ConflictChoices,
): HTMLElement {
  const tr = (key: Parameters<typeof t>[1], params?: Record<string, string | number>) => t(lang, key, params);
  const { theirs } = conflict;
  const what = !theirs
    ? tr('tabs.changed')
    : tr(conflict.sameGame ? 'tabs.sameGame' : 'tabs.otherGame', { game: gameLabel(lang, theirs) });
  return h(
    'div',
    { class: 'modal-backdrop tab-conflict', attrs: { lang } },
    h(
      'div',
      {
        class: 'tab-dialog',
        attrs: {
          role: 'alertdialog',
          'aria-modal': 'true',
          'aria-labelledby': 'tab-conflict-title',
          'aria-describedby': 'tab-conflict-text',
        },
      },
      h('h2', { id: 'tab-conflict-title', text: tr('tabs.title') }),
      h(
        'div',
        { id: 'tab-conflict-text' },
        h('p', { text: what }),
        h('p', { class: 'muted', text: tr('tabs.paused') }),
      ),
      error ? h('p', { class: 'notice warn', text: error, attrs: { role: 'alert' } }) : null,
      h(
        'div',
        { class: 'tab-choices' },
        choice('btn-tab-load', tr('tabs.load'), tr('tabs.loadNote'), true, choices.load),
        choice('btn-tab-keep', tr('tabs.keep'), tr('tabs.keepNote'), false, choices.keep),
        choice('btn-tab-separate', tr('tabs.separate'), tr('tabs.separateNote'), false, choices.separate),
      ),
    ),
  );
}
