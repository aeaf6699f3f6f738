// Start-up: waits for the DOM and builds the page; nothing runs on import elsewhere.
import { LANGUAGES, t } from './app/i18n';

function start(root: HTMLElement): void {
  for (const lang of LANGUAGES) {
    const section = document.createElement('section');
    section.lang = lang;
    const h1 = document.createElement('h1');
    h1.textContent = `${t(lang, 'title.name')} — ${t(lang, 'title.tagline')}`;
    const p = document.createElement('p');
    p.textContent = t(lang, 'placeholder.engineReady');
    const code = document.createElement('code');
    code.textContent = 'npm run --silent sim -- --company moonshot --policy balanced';
    section.append(h1, p, code);
    root.append(section);
  }
}

document.addEventListener('DOMContentLoaded', () => {
  const root = document.getElementById('app');
  if (root) start(root);
});
