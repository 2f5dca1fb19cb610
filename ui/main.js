// The app shell: navigation between views, the notice banner, and start-up.
import * as api from './api.js';
import { h, replace } from './dom.js';
import { AdvisorView } from './views/advisor.js';
import { BrowseView } from './views/browse.js';
import { ShortlistView } from './views/shortlist.js';

/** What views may ask of each other. */
const actions = {
  notify,
  async onShortlist(id) {
    try {
      await api.shortlistAdd(id);
      notify('Added to your shortlist.', 'info', { label: 'Open shortlist', run: () => show('shortlist') });
    } catch (e) {
      notify(e.message, 'error');
    }
  },
};

const views = [
  { id: 'browse', label: 'Browse', key: '1', make: () => new BrowseView(actions) },
  { id: 'advisor', label: 'Advisor', key: '2', make: () => new AdvisorView(actions) },
  { id: 'shortlist', label: 'Shortlist', key: '4', make: () => new ShortlistView(actions) },
];

const state = { current: null, instances: new Map() };

function shell() {
  const nav = h('nav', { class: 'tabs', 'aria-label': 'Sections' },
    views.map((v) => h('button', {
      type: 'button', id: `tab-${v.id}`, dataset: { view: v.id },
      title: `${v.label} (Alt+${v.key})`, onclick: () => show(v.id),
    }, v.label)));
  const header = h('header', { class: 'app-header' },
    h('h1', { class: 'brand' }, 'Headroom'), nav);
  const notices = h('div', { id: 'notices', role: 'status', 'aria-live': 'polite' });
  const main = h('main', { id: 'view', tabindex: '-1' });
  replace(document.getElementById('app'), header, notices, main);
}

export async function show(id) {
  const def = views.find((v) => v.id === id) ?? views[0];
  for (const b of document.querySelectorAll('.tabs button')) {
    if (b.dataset.view === def.id) b.setAttribute('aria-current', 'page');
    else b.removeAttribute('aria-current');
  }
  let view = state.instances.get(def.id);
  if (!view) {
    view = def.make();
    state.instances.set(def.id, view);
  }
  state.current = def.id;
  replace(document.getElementById('view'), view.element);
  try {
    await view.activate?.();
  } catch (e) {
    notify(e.message ?? String(e), 'error');
  }
}

/**
 * Shows a message in the banner; `kind` is 'info' or 'error'. An optional action (Undo, Open)
 * gets a button; info messages with an action stay until dismissed or used.
 */
export function notify(message, kind = 'info', action = null) {
  const box = document.getElementById('notices');
  const item = h('p', { class: `notice ${kind}` }, h('span', {}, message));
  if (action) {
    item.appendChild(h('button', { type: 'button', class: 'link notice-action', onclick: () => { item.remove(); action.run(); } }, action.label));
  }
  item.appendChild(h('button', { type: 'button', class: 'link', 'aria-label': 'Dismiss message', onclick: () => item.remove() }, '×'));
  box.appendChild(item);
  if (kind === 'info' && !action) setTimeout(() => item.remove(), 6000);
}

document.addEventListener('keydown', (e) => {
  if (e.altKey && !e.ctrlKey && !e.metaKey) {
    const v = views.find((v) => v.key === e.key);
    if (v) {
      e.preventDefault();
      show(v.id);
    }
  }
});

async function start() {
  shell();
  try {
    const info = await api.appInfo();
    for (const n of info.notices) notify(n.message, n.level === 'info' ? 'info' : 'error');
    await show('browse');
    // The start-up benchmark reads this mark: the first view is painted with data.
    requestAnimationFrame(() => performance.mark('headroom:catalog-rendered'));
  } catch (e) {
    notify(e instanceof api.ApiError ? e.message : String(e), 'error');
  }
}

start();
