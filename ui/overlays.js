// The shell's dialogs: keyboard shortcuts (the help overlay), About, and the first-run welcome.
// Each is a native modal <dialog>: Escape closes it and the focus returns to what opened it.
import * as api from './api.js';
import { openModal } from './dialog.js';
import { h, replace } from './dom.js';
import { openGlossary } from './glossary.js';
import { SHORTCUTS } from './keys.js';
import { markWelcomeSeen } from './prefs.js';

const dialogs = new Map();

/** A dialog with a heading and a Close button, made once and kept. */
function dialog(id, title, extraClass = '') {
  let d = dialogs.get(id);
  if (!d) {
    d = h('dialog', { id, class: `overlay ${extraClass}`.trim(), 'aria-labelledby': `${id}-title` });
    dialogs.set(id, d);
  }
  const head = h('header', { class: 'detail-head' },
    h('h2', { id: `${id}-title` }, title),
    h('button', { type: 'button', class: 'secondary', onclick: () => d.close() }, 'Close'));
  return { d, head };
}

/** The help overlay: every shortcut, from the same table the key handler uses. */
export function openHelp() {
  const { d, head } = dialog('help', 'Keyboard shortcuts');
  replace(d, head,
    h('table', { class: 'shortcuts' },
      h('caption', { class: 'visually-hidden' }, 'Keyboard shortcuts'),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Keys'), h('th', { scope: 'col' }, 'What they do'))),
      h('tbody', {}, SHORTCUTS.map((s) => h('tr', {},
        h('td', {}, s.keys.map((k, i) => [i ? ' or ' : null, h('kbd', {}, k)])),
        h('td', {}, s.does))))),
    h('p', { class: 'muted' }, 'Every button, field and choice is reachable with Tab; the focused one has a blue outline.'),
    h('p', {}, h('button', { type: 'button', class: 'link', onclick: () => { d.close(); openGlossary(); } }, 'Open the glossary of terms')));
  openModal(d);
}

/** About: version, where the user's data lives, and how to see the welcome again. */
export async function openAbout(actions) {
  const { d, head } = dialog('about', 'About Headroom');
  const body = h('div', { class: 'about-body', 'aria-busy': 'true' }, h('p', { class: 'muted' }, 'Reading…'));
  replace(d, head, body);
  openModal(d);
  try {
    const info = await api.appInfo();
    const path = (text) => h('code', { class: 'path' }, text);
    replace(body,
      h('p', { class: 'about-version' }, `Version ${info.version} · ${info.catalog_models} models in the catalog`),
      h('p', {}, 'Helps you choose studio headphones for your room, your work and your gear. Works offline; your data never leaves this computer.'),
      h('h3', {}, 'Your data'),
      h('dl', { class: 'specs' },
        h('dt', {}, 'Journal'), h('dd', {}, path(info.data_file)),
        h('dt', {}, 'Previous version'), h('dd', {}, path(`${info.data_file}.bak`)),
        h('dt', {}, 'Data folder'), h('dd', {}, path(info.data_dir))),
      h('p', { class: 'muted' }, 'The journal holds your shortlist, try-on notes, own models, comparison and advisor answers. Window size and position, the theme and whether you have seen the welcome are kept apart, with the window’s settings.'),
      h('div', { class: 'actions' },
        h('button', { type: 'button', class: 'secondary', id: 'show-welcome', onclick: () => { d.close(); openWelcome(actions); } }, 'Show the welcome again'),
        h('button', { type: 'button', class: 'secondary', onclick: () => { d.close(); openHelp(); } }, 'Keyboard shortcuts')));
  } catch (e) {
    replace(body, h('p', { role: 'alert' }, e.message));
  } finally {
    body.removeAttribute('aria-busy');
  }
}

/**
 * The first-run welcome: what Headroom does in three lines, then into the advisor, or skip.
 * Whatever way it closes (a button, Escape), it is not shown again.
 * @param {{ show: (id: string) => void }} actions
 */
export function openWelcome(actions) {
  const { d } = dialog('welcome', 'Welcome to Headroom', 'welcome');
  const start = h('button', { type: 'button', class: 'primary', id: 'welcome-start', onclick: () => { d.close(); actions.show('advisor'); } }, 'Find headphones for me');
  replace(d,
    h('h2', { id: 'welcome-title' }, 'Welcome to Headroom'),
    h('p', {}, 'Choose studio headphones for your room, your work and your gear, with reasons you can check.'),
    h('ol', { class: 'welcome-steps' },
      h('li', {}, h('strong', {}, 'Advisor: '), 'answer a few questions (room, tasks, what you plug into) and get a ranked list, with how loud each model gets on your source.'),
      h('li', {}, h('strong', {}, 'Compare: '), 'put two to four models side by side.'),
      h('li', {}, h('strong', {}, 'Shortlist: '), 'note how they felt when you tried them in a store. Your notes stay on this computer.')),
    h('div', { class: 'actions' },
      start,
      h('button', { type: 'button', class: 'secondary', id: 'welcome-skip', onclick: () => d.close() }, 'Skip, show the catalog')),
    h('p', { class: 'muted' }, 'Press ? at any time for keyboard shortcuts.'));
  d.addEventListener('close', () => markWelcomeSeen(), { once: true });
  openModal(d, start);
}
