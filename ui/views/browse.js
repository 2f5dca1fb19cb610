// Browse: the catalog as a table with search, facet filters, sorting, and a detail dialog.
import * as api from '../api.js';
import { afterPaint, h, keepLatest, replace, scrollToTop, trackScroll } from '../dom.js';
import * as f from '../format.js';
import { openModal } from '../dialog.js';
import { termLink } from '../glossary.js';
import { vocabulary } from '../vocabulary.js';

const FACETS = [
  { key: 'back', legend: 'Back', label: f.backLabel, term: ['closed-back', 'a closed, open or semi-open back'] },
  { key: 'tier', legend: 'Price tier', label: f.tierLabel, term: ['price-tier', 'a price tier'] },
  { key: 'transducer', legend: 'Driver', label: f.transducerLabel, term: ['planar-magnetic', 'a planar magnetic driver'] },
  { key: 'brand', legend: 'Brand', label: (b) => b },
];

const COLUMNS = [
  { sort: 'model', label: 'Model', cell: (m) => f.modelName(m) },
  { sort: 'back', label: 'Back', cell: (m) => f.backLabel(m.back) },
  { sort: 'transducer', label: 'Driver', cell: (m) => f.transducerLabel(m.transducer) },
  { sort: 'impedance', label: 'Impedance', cell: (m) => f.impedance(m.impedance_ohm), num: true },
  { sort: 'sensitivity', label: 'Sensitivity', cell: (m) => f.sensitivityShort(m.sensitivity), num: true },
  { sort: 'weight', label: 'Weight', cell: (m) => f.grams(m.weight_g), num: true },
  { sort: 'tier', label: 'Tier', cell: (m) => f.tierLabel(m.tier) },
];

/** Results longer than this are virtualised; at most this many rows are in the DOM otherwise. */
const VIRTUALIZE_FROM = 300;
/** Rows rendered above and below the visible ones. */
const OVERSCAN = 10;
/** A row's height until one has been measured: app.css sets 2.1rem on a 15px root. */
const ROW_ESTIMATE = 31.5;
/** How many recently opened details are kept to be shown again (`BrowseView.details`). */
const KEEP_DETAILS = 8;

/**
 * A detail as built: the JSON of the model it shows, its elements, its measured-sound panel
 * once loaded, and whether figures were typed into its form since.
 * @typedef {{ json: string, nodes: any[], panel: import('../sound.js').SoundPanel|null, edited: boolean }} KeptDetail
 */

export class BrowseView {
  /** @param {{ onShortlist?: (id: string) => void, onCompare?: (id: string) => void, notify?: import('../sound.js').Notify }} actions */
  constructor(actions = {}) {
    this.actions = actions;
    /** @type {Partial<import('../api.js').Query>} */
    this.query = { text: '', back: [], tier: [], transducer: [], brand: [], sort: 'relevance', descending: false };
    /** @type {import('../../gen/wire').ModelPage|null} */
    this.result = null;
    /** The detail's builder, once its module is loaded (`open`). @type {typeof import('./detail.js').detail|null} */
    this.detail = null;
    this.searchTimer = 0;
    this.seq = 0;

    this.search = h('input', {
      type: 'search', id: 'search', placeholder: 'hd650, dt 770, m50x…', autocomplete: 'off',
      spellcheck: false, oninput: () => this.onSearch(), onchange: () => this.onSearch(),
    });
    this.facetBox = h('div', { class: 'facets' });
    this.count = h('p', { class: 'count', id: 'result-count', 'aria-live': 'polite' });
    this.table = h('table', { class: 'models', 'aria-describedby': 'result-count' });
    this.empty = h('div', { class: 'empty', hidden: true },
      h('p', {}, 'No model matches these filters.'),
      h('button', { type: 'button', onclick: () => this.reset() }, 'Clear search and filters'));
    this.dialog = h('dialog', { class: 'detail', 'aria-labelledby': 'detail-title' });
    /**
     * The details built lately, by model id, oldest first, and the one in the dialog. A detail
     * opened again unchanged is shown as it was instead of built anew: building it (the plot
     * above all) costs WebKit memory it keeps, about 100 KB an opening (`make bench`).
     * @type {Map<string, KeptDetail>}
     */
    this.details = new Map();
    /** @type {KeptDetail|null} */
    this.shown = null;
    // Figures typed but not saved are not kept: the next opening starts from what is saved.
    const edited = (/** @type {Event} */ e) => {
      if (this.shown && e.target instanceof Element && e.target.closest('form')) this.shown.edited = true;
    };
    this.dialog.addEventListener('input', edited);
    this.dialog.addEventListener('change', edited);

    this.element = h('section', { class: 'browse', 'aria-label': 'Browse the catalog' },
      h('aside', { class: 'filters', 'aria-label': 'Search and filters' },
        h('label', { for: 'search' }, 'Search models'),
        this.search,
        this.facetBox,
        h('button', { type: 'button', class: 'secondary', onclick: () => this.reset() }, 'Reset filters')),
      h('div', { class: 'results' }, this.count, this.wrap = trackScroll(h('div', { class: 'table-wrap', onscroll: () => this.onScroll() }, this.table)), this.empty),
      this.dialog);
  }

  async activate() {
    if (!this.result) await this.refresh();
  }

  onSearch() {
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => {
      this.query.text = this.search.value;
      this.refresh();
    }, 60);
  }

  reset() {
    this.search.value = '';
    Object.assign(this.query, { text: '', back: [], tier: [], transducer: [], brand: [] });
    this.refresh();
  }

  async refresh() {
    const seq = ++this.seq;
    this.element.setAttribute('aria-busy', 'true');
    try {
      // The table's words (backs, tiers, drivers) come with the vocabulary; without it they
      // read as their wire names.
      const [result] = await Promise.all([api.listModels(this.query), vocabulary().catch(() => null)]);
      if (seq !== this.seq) return; // a newer query is on its way
      this.result = result;
      this.render();
    } finally {
      if (seq === this.seq) this.element.removeAttribute('aria-busy');
    }
  }

  render() {
    const { models, total, facets } = this.result;
    performance.mark('headroom:browse-data');
    this.count.textContent = total === 1 ? '1 model' : `${total} models`;
    this.renderFacets(facets);
    this.empty.hidden = total > 0;
    this.table.hidden = total === 0;
    const head = h('thead', {}, h('tr', { 'aria-rowindex': 1 }, COLUMNS.map((c) => this.header(c))));
    this.body = h('tbody');
    this.table.setAttribute('aria-rowcount', String(models.length + 1));
    replace(this.table, h('caption', { class: 'visually-hidden' }, 'Studio headphones'), head, this.body);
    this.window = null;
    scrollToTop(this.wrap);
    // At the top, and no taller than the window: known without asking the layout engine.
    this.renderRows({ top: 0, height: window.innerHeight });
    afterPaint(() => {
      performance.mark('headroom:browse-painted');
      this.measureRow();
    });
  }

  /**
   * Large results are virtualised: only the rows in `viewport` (and a margin) are in the DOM,
   * with spacer rows standing in for the rest, so 5,000 models scroll as smoothly as 50. Rows
   * still in the window when it moves stay as they are: only those entering it are made.
   */
  renderRows(viewport) {
    const models = this.result.models;
    if (models.length <= VIRTUALIZE_FROM) {
      if (!this.window) {
        // The rows the window shows go in now; the rest right after this frame is drawn, so
        // the first paint does not wait for rows below the fold (every row is in the DOM a
        // frame later: `complete` says when).
        const now = Math.min(models.length, Math.ceil(viewport.height / ROW_ESTIMATE) + OVERSCAN);
        replace(this.body, models.slice(0, now).map((m, i) => this.row(m, i)));
        const result = this.result;
        this.complete = now === models.length ? Promise.resolve() : new Promise((done) => afterPaint(() => {
          if (this.result === result) this.body.append(...models.slice(now).map((m, i) => this.row(m, now + i)));
          done();
        }));
      }
      this.window = [0, models.length];
      return;
    }
    this.complete = Promise.resolve();
    const rowHeight = this.rowHeight ?? ROW_ESTIMATE;
    const first = Math.max(0, Math.floor(viewport.top / rowHeight) - OVERSCAN);
    const count = Math.ceil(viewport.height / rowHeight) + 2 * OVERSCAN;
    const last = Math.min(models.length, first + count);
    const old = this.window;
    if (old && old[0] === first && old[1] === last) return;
    this.window = [first, last];
    const rows = (from, to) => models.slice(from, to).map((m, i) => this.row(m, from + i));
    if (!old || first >= old[1] || last <= old[0]) {
      const spacer = () => h('tr', { class: 'spacer', 'aria-hidden': 'true' }, h('td', { colspan: COLUMNS.length }));
      this.spacers = [spacer(), spacer()];
      replace(this.body, this.spacers[0], rows(first, last), this.spacers[1]);
    } else {
      const [above, below] = this.spacers;
      for (let i = old[0]; i < first; i++) above.nextElementSibling.remove();
      for (let i = last; i < old[1]; i++) below.previousElementSibling.remove();
      if (first < old[0]) above.after(...rows(first, old[0]));
      if (last > old[1]) below.before(...rows(old[1], last));
    }
    const size = (tr, n) => {
      tr.hidden = n === 0;
      tr.style.height = `${n * rowHeight}px`;
    };
    size(this.spacers[0], first);
    size(this.spacers[1], models.length - last);
  }

  /** The table's real row height, read once a frame is drawn (no layout forced for it). */
  measureRow() {
    if (this.rowHeight || !this.result || this.result.models.length <= VIRTUALIZE_FROM) return;
    const measured = this.body.querySelector('tr:not(.spacer)')?.getBoundingClientRect().height;
    if (!measured) return;
    this.rowHeight = measured;
    if (Math.abs(measured - ROW_ESTIMATE) > 0.5) {
      this.window = null;
      this.renderRows(this.viewport());
    }
  }

  /** The visible part of the table, read in a frame callback where the layout is current. */
  viewport() {
    return { top: this.wrap.scrollTop, height: this.wrap.clientHeight };
  }

  onScroll() {
    if (this.scrollQueued || !this.result) return;
    this.scrollQueued = true;
    requestAnimationFrame(() => {
      this.scrollQueued = false;
      this.renderRows(this.viewport());
    });
  }

  header(column) {
    const active = this.query.sort === column.sort;
    const dir = active ? (this.query.descending ? 'descending' : 'ascending') : 'none';
    return h('th', { scope: 'col', 'aria-sort': dir, class: column.num ? 'num' : null },
      h('button', {
        type: 'button', class: 'sort',
        onclick: () => {
          this.query.descending = active ? !this.query.descending : false;
          this.query.sort = column.sort;
          this.refresh();
        },
      }, column.label, h('span', { 'aria-hidden': 'true', class: 'arrow' }, active ? (this.query.descending ? ' ▼' : ' ▲') : '')));
  }

  row(m, index) {
    return h('tr', { dataset: { id: m.id }, 'aria-rowindex': index + 2 }, COLUMNS.map((c, i) => {
      const text = c.cell(m);
      const unknown = text === f.UNKNOWN;
      if (i === 0) {
        return h('th', { scope: 'row' },
          h('button', { type: 'button', class: 'link model-link', onclick: () => this.open(m.id) }, text),
          m.origin === 'user' ? h('span', { class: 'badge' }, 'yours') : null);
      }
      if (unknown) {
        // A dash in the table, said in full to screen readers and on hover.
        return h('td', { class: `unknown${c.num ? ' num' : ''}`, title: f.UNKNOWN },
          h('span', { 'aria-hidden': 'true' }, '—'), h('span', { class: 'visually-hidden' }, f.UNKNOWN));
      }
      return h('td', { class: c.num ? 'num' : null }, text);
    }));
  }

  renderFacets(facets) {
    replace(this.facetBox, FACETS.map(({ key, legend, label, term }) => {
      const counts = facets[key] ?? [];
      return h('fieldset', { class: 'facet' }, h('legend', {}, legend, term ? termLink(...term) : null),
        counts.map(({ value, count }) => {
          const id = `facet-${key}-${value}`.replace(/[^a-z0-9-]/gi, '-');
          const checked = this.query[key].includes(value);
          return h('div', { class: 'check' },
            h('input', {
              type: 'checkbox', id, checked, disabled: count === 0 && !checked,
              onchange: (e) => {
                const set = new Set(this.query[key]);
                e.target.checked ? set.add(value) : set.delete(value);
                this.query[key] = [...set];
                this.refresh();
              },
            }),
            h('label', { for: id }, label(value), h('span', { class: 'facet-count' }, ` (${count})`)));
        }));
    }));
  }

  async open(id) {
    try {
      // The detail's module comes with the first detail opened, not at start-up.
      const [m, words, { detail }] = await Promise.all([api.getModel(id), vocabulary(), import('./detail.js')]);
      this.detail = detail;
      const kept = this.details.get(m.id);
      if (kept && kept.json === JSON.stringify(m) && !kept.edited) {
        // Opened again with nothing changed: the same elements, and the measured sound drawn
        // again only if it changed (an import from elsewhere).
        keepLatest(this.details, m.id, kept, KEEP_DETAILS);
        if (this.shown !== kept) replace(this.dialog, kept.nodes);
        this.shown = kept;
        kept.panel?.load();
      } else {
        this.showDetail(m, words);
      }
      openModal(this.dialog);
    } catch (e) {
      this.shown = null;
      replace(this.dialog, h('p', { role: 'alert' }, e.message), h('button', { type: 'button', onclick: () => this.dialog.close() }, 'Close'));
      openModal(this.dialog);
    }
  }

  /** Fills the detail dialog with `m`; the measured sound comes in once its module has loaded. */
  showDetail(m, words) {
    const close = () => this.dialog.close();
    const soundSlot = h('div', { class: 'sound-slot' });
    const actions = { ...this.actions, onFigures: (model) => this.showDetail(model, words) };
    /** @type {KeptDetail} */
    const entry = { json: JSON.stringify(m), nodes: this.detail(m, close, actions, words, soundSlot), panel: null, edited: false };
    replace(this.dialog, entry.nodes);
    this.shown = entry;
    keepLatest(this.details, m.id, entry, KEEP_DETAILS);
    import('../sound.js').then(({ SoundPanel }) => {
      const panel = new SoundPanel([m.id], { notify: this.actions.notify ?? (() => {}), ownFor: m.id });
      entry.panel = panel;
      soundSlot.replaceChildren(panel.element);
      return panel.load();
    }).catch((e) => replace(soundSlot, h('p', { role: 'alert' }, `The measured sound could not be shown: ${e.message}`)));
  }
}
