// The app shell: navigation between views, the header's tools (theme, glossary, shortcuts,
// About), keyboard shortcuts, the notice banner, and start-up (with the first-run welcome).
import * as api from './api.js';
import { afterPaint, h, replace, scrollToTop, trackScroll } from './dom.js';
import { openGlossary } from './glossary.js';
import { commandFor, isTextEntry } from './keys.js';
import { applyTheme, loadTheme, saveTheme, welcomeSeen } from './prefs.js';
import { BrowseView } from './views/browse.js';
import { appInfoOnce } from './vocabulary.js';

// Only what the first view needs is imported above (and preloaded by index.html). The other
// views and the overlays are fetched once the catalog is on screen, so they cost start-up
// nothing; `show` awaits them should a user be quicker than that.
const overlays = () => import('./overlays.js');
/** Runs `open` with the overlays module (help, About, welcome); says so if it cannot load. */
const overlay = (open) => overlays().then(open, (e) => notify(`This could not be opened: ${e.message ?? e}`, 'error'));

/** What views may ask of each other. */
const actions = {
  notify,
  show: (id) => show(id),
  async onShortlist(id) {
    try {
      await api.shortlistAdd(id);
      notify('Added to your shortlist.', 'info', { label: 'Open shortlist', run: () => show('shortlist') }, 'shortlist');
    } catch (e) {
      notify(e.message, 'error');
    }
  },
};

/** Adds a model to the comparison set; the domain keeps the rule (no duplicates, four at most). */
actions.onCompare = async (id) => {
  const open = { label: 'Open compare', run: () => show('compare') };
  try {
    const { ids, added } = await api.compareAdd(id);
    if (!added) {
      notify('Already in the comparison.', 'info', open, 'compare');
      return;
    }
    state.instances.get('compare')?.then((view) => view.activate());
    notify(`Added to the comparison (${ids.length} of 4).`, 'info', open, 'compare');
  } catch (e) {
    notify(e.message, 'error', e.kind === 'invalid_input' ? open : null, 'compare');
  }
};

const views = [
  { id: 'browse', label: 'Browse', key: '1', make: async () => new BrowseView(actions) },
  { id: 'advisor', label: 'Advisor', key: '2', make: async () => new (await import('./views/advisor.js')).AdvisorView(actions) },
  { id: 'compare', label: 'Compare', key: '3', make: async () => new (await import('./views/compare.js')).CompareView(actions) },
  { id: 'shortlist', label: 'Shortlist', key: '4', make: async () => new (await import('./views/shortlist.js')).ShortlistView(actions) },
];

/** `instances` maps a view's id to the promise of its one instance (made on first use). */
const state = { current: null, instances: new Map() };

function instance(def) {
  let made = state.instances.get(def.id);
  if (!made) {
    made = def.make();
    made.catch(() => state.instances.delete(def.id)); // a failed load is tried again next time
    state.instances.set(def.id, made);
  }
  return made;
}

function shell() {
  const nav = h('nav', { class: 'tabs', 'aria-label': 'Sections' },
    views.map((v) => h('button', {
      type: 'button', id: `tab-${v.id}`, dataset: { view: v.id },
      title: `${v.label} (Alt+${v.key})`, 'aria-keyshortcuts': `Alt+${v.key}`, onclick: () => show(v.id),
    }, v.label)));
  const theme = h('select', { id: 'theme', onchange: (e) => { saveTheme(e.target.value); applyTheme(e.target.value); } },
    [['system', 'System'], ['light', 'Light'], ['dark', 'Dark']].map(([value, label]) =>
      h('option', { value, selected: value === loadTheme() }, label)));
  const tools = h('div', { class: 'header-tools' },
    h('div', { class: 'theme-pick' }, h('label', { for: 'theme' }, 'Theme'), theme),
    h('button', { type: 'button', class: 'tool', id: 'open-glossary', onclick: () => openGlossary() }, 'Glossary'),
    h('button', { type: 'button', class: 'tool', id: 'open-help', title: 'Keyboard shortcuts (? or F1)', 'aria-keyshortcuts': '? F1', onclick: () => overlay((o) => o.openHelp()) }, 'Shortcuts'),
    h('button', { type: 'button', class: 'tool', id: 'open-about', onclick: () => overlay((o) => o.openAbout(actions)) }, 'About'));
  const header = h('header', { class: 'app-header' },
    h('h1', { class: 'brand' }, 'Headroom'), nav, tools);
  const notices = h('div', { id: 'notices', role: 'status', 'aria-live': 'polite' });
  const main = trackScroll(h('main', { id: 'view', tabindex: '-1' }));
  replace(document.getElementById('app'), header, notices, main);
}

export async function show(id) {
  const def = views.find((v) => v.id === id) ?? views[0];
  for (const b of /** @type {NodeListOf<HTMLButtonElement>} */ (document.querySelectorAll('.tabs button'))) {
    if (b.dataset.view === def.id) b.setAttribute('aria-current', 'page');
    else b.removeAttribute('aria-current');
  }
  state.current = def.id;
  let view;
  try {
    view = await instance(def);
  } catch (e) {
    notify(`${def.label} could not be loaded: ${e.message ?? e}`, 'error');
    return;
  }
  // A later call won while this view's module was still loading.
  if (state.current !== def.id) return;
  const main = document.getElementById('view');
  replace(main, view.element);
  scrollToTop(main); // each area opens at its top, not where the last one was scrolled to
  // Busy while it loads: app.css shows a spinner when that lasts longer than a blink.
  view.element.setAttribute('aria-busy', 'true');
  try {
    await view.activate?.();
  } catch (e) {
    notify(e.message ?? String(e), 'error');
  } finally {
    view.element.removeAttribute('aria-busy');
  }
}

/** Ctrl+K and /: to the catalog's search field, its text selected for typing over. */
async function focusSearch() {
  if (state.current !== 'browse') await show('browse');
  const search = /** @type {HTMLInputElement|null} */ (document.getElementById('search'));
  search?.focus();
  search?.select();
}

/**
 * Shows a message in the banner; `kind` is 'info' or 'error'. An optional action (Undo, Open)
 * gets a button. Info messages go away by themselves (later when they offer an action); errors
 * stay until dismissed. A message replaces an earlier one about the same thing (`group`).
 */
export function notify(message, kind = 'info', action = null, group = null) {
  const box = document.getElementById('notices');
  if (group) for (const old of box.querySelectorAll(`[data-group="${group}"]`)) old.remove();
  while (box.children.length >= 3) box.firstElementChild.remove();
  const item = h('p', { class: `notice ${kind}`, dataset: group ? { group } : null }, h('span', {}, message));
  if (action) {
    item.appendChild(h('button', { type: 'button', class: 'link notice-action', onclick: () => { item.remove(); action.run(); } }, action.label));
  }
  item.appendChild(h('button', { type: 'button', class: 'link', 'aria-label': 'Dismiss message', onclick: () => item.remove() }, '×'));
  box.appendChild(item);
  if (kind === 'info') setTimeout(() => item.remove(), action ? 12000 : 6000);
}

document.addEventListener('keydown', (e) => {
  if (e.defaultPrevented || e.isComposing) return;
  const what = commandFor(e, isTextEntry(e.target));
  if (!what) return;
  // Shortcuts act on the main window; inside an open dialog only the help key works (Escape
  // closes dialogs natively).
  const modal = document.querySelector('dialog[open]');
  if (modal && what.command !== 'help') return;
  e.preventDefault();
  if (what.view) show(what.view);
  else if (what.command === 'search') focusSearch();
  else if (what.command === 'help' && modal?.id !== 'help') overlay((o) => o.openHelp());
});

async function start() {
  performance.mark('headroom:start');
  applyTheme(loadTheme());
  // Both round trips at once (the table waits for the vocabulary's labels, see BrowseView).
  const info = appInfoOnce();
  // The catalog is fetched and laid out before the shell goes into the page, so that the first
  // frame WebKit draws already holds it: drawing an empty shell first costs a whole extra
  // layout and paint while the data is on its way. A failure here is shown by `show` below,
  // which asks again once the banner exists.
  const browse = await instance(views[0]);
  await browse.activate().catch(() => {});
  shell();
  try {
    await show('browse');
    for (const n of (await info).notices) notify(n.message, n.level === 'info' ? 'info' : 'error');
    // The start-up benchmark reads this mark: the first view is painted with data.
    afterPaint(() => {
      performance.mark('headroom:catalog-rendered');
      // Now the rest of the app, so that switching areas does not wait for a fetch.
      for (const def of views) instance(def).catch(() => {});
      overlays().catch(() => {});
    });
    if (!welcomeSeen()) (await overlays()).openWelcome(actions);
    // Every row of the first page is in the table (the ones below the fold follow the first paint).
    await browse.complete;
  } catch (e) {
    notify(e instanceof api.ApiError ? e.message : String(e), 'error');
  } finally {
    // Start-up is over (the end-to-end tests wait for this).
    document.documentElement.dataset.started = '';
  }
}

start();
