// The measured sound of one model (in its detail) or of the comparison's models: the curves
// against the Harman target, who measured them, the band errors as a table (the plot's
// accessible alternative), the predicted preference rating, exports, and the user's own
// measurement. Loaded after the first paint, with the views that show it.
import * as api from './api.js';
import { h, replace } from './dom.js';
import { termLink } from './glossary.js';
import { plotFigure, savePng, saveSvg } from './plot.js';
import { levelText } from './plotmath.js';
import { saveText } from './save.js';
import { vocabulary } from './vocabulary.js';

let panelCount = 0;

/** The accepted measurement files (the domain reads all three; see `sound::parse`). */
const FILE_TYPES = '.csv,.txt,.tsv,text/plain,text/csv';

/** Tells the user something; an action makes it a button (undo). @typedef {(msg: string, kind?: string, action?: {label: string, run: () => void}) => void} Notify */

export class SoundPanel {
  /**
   * @param {string[]} ids the models, 1 to 4
   * @param {{ notify: Notify, title?: string, ownFor?: string|null, onChange?: Function }} options
   *   `ownFor`: the model whose own measurement can be imported and removed here.
   */
  constructor(ids, options) {
    this.ids = ids;
    this.options = options;
    /** @type {import('./api.js').SoundOptions} */
    this.settings = { smoothing: 'none', normalize: 'loudness', error: false };
    /** @type {import('../gen/wire').SoundView|null} */
    this.view = null;
    /** The JSON of the view on screen (`load`). @type {string|null} */
    this.drawn = null;
    this.id = `sound-${++panelCount}`;
    this.body = h('div', { class: 'sound-body', 'aria-busy': 'true' }, h('p', { class: 'muted' }, 'Loading the measurements…'));
    this.controls = h('div', { class: 'sound-controls' });
    this.element = h('section', { class: 'sound-panel', 'aria-labelledby': `${this.id}-title` },
      h('h3', { id: `${this.id}-title` }, options.title ?? 'Measured sound', termLink('frequency-response')),
      this.controls,
      this.body);
  }

  /**
   * Fetches the curves for the current settings and draws them, unless what came back is what
   * is already drawn (a detail or a comparison shown again): the plot is then kept as it is,
   * since drawing it anew costs WebKit memory it keeps (`make bench`, the mixed actions row).
   */
  async load() {
    // Busy from the first moment, so that whoever waits for the panel sees this load.
    this.body.setAttribute('aria-busy', 'true');
    try {
      const words = await vocabulary();
      this.limits = words.limits;
      if (!this.controls.firstChild) this.renderControls(words);
      const view = await api.getSound(this.ids, this.settings);
      const json = JSON.stringify(view);
      if (json === this.drawn) return;
      this.view = view;
      this.render();
      this.drawn = json;
    } catch (e) {
      this.drawn = null;
      replace(this.body, h('p', { role: 'alert' }, e.message));
    } finally {
      this.body.setAttribute('aria-busy', 'false');
    }
  }

  renderControls(words) {
    const select = (key, label, list) => {
      const id = `${this.id}-${key}`;
      const el = h('select', { id, onchange: () => { this.settings[key] = el.value; this.load(); } },
        list.map((w) => h('option', { value: w.value, selected: w.value === this.settings[key] }, w.label)));
      return h('div', { class: 'field' }, h('label', { for: id }, label), el);
    };
    const errorId = `${this.id}-error`;
    replace(this.controls,
      select('smoothing', 'Smoothing', words.smoothing),
      select('normalize', 'Level matching', words.normalize),
      h('div', { class: 'check' },
        h('input', { type: 'checkbox', id: errorId, onchange: (e) => { this.settings.error = e.target.checked; this.load(); } }),
        h('label', { for: errorId }, 'Show the error against the target')),
      h('span', { class: 'spacer' }),
      h('button', { type: 'button', class: 'secondary', dataset: { export: 'svg' }, onclick: () => this.export('svg') }, 'Save SVG'),
      h('button', { type: 'button', class: 'secondary', dataset: { export: 'png' }, onclick: () => this.export('png') }, 'Save PNG'),
      h('button', { type: 'button', class: 'secondary', dataset: { export: 'csv' }, onclick: () => this.export('csv') }, 'Save data (CSV)'));
  }

  render() {
    const v = this.view;
    const measured = v.curves.length > 0;
    for (const b of this.controls.querySelectorAll('button')) b.disabled = !measured;
    const yLabel = v.options.error ? 'Error against the target (dB)' : 'Level (dB)';
    const names = v.curves.map((c) => c.label).join(', ');
    const plot = measured
      ? plotFigure(v.plot, { title: `Frequency response of ${names} ${v.options.error ? 'minus' : 'with'} the Harman over-ear 2018 target`, yLabel })
      : null;
    this.svg = plot?.svg ?? null;
    replace(this.body,
      v.unmeasured.length ? h('p', { class: 'unmeasured' },
        `No published measurement for ${v.unmeasured.join(', ')}.`,
        this.options.ownFor ? ' If you measured it, import your file below.' : '') : null,
      plot?.element ?? null,
      measured ? this.sources(v) : null,
      measured ? this.ratings(v) : null,
      measured ? this.bandTable(v) : null,
      measured && v.curves.length === 1 ? this.remarks(v.curves[0]) : null,
      this.options.ownFor ? this.ownMeasurement() : null);
  }

  /** Who measured each curve, on what, and where it was read; and the target's source. */
  /** @param {import('../gen/wire').SoundView} v */
  sources(v) {
    const line = (label, p, own) => h('li', {},
      h('strong', {}, label), ': ',
      own
        ? `your measurement, imported from “${p.path}” on ${p.read}.`
        : `measured by ${p.measurer} (${p.rig}); ${p.repository}, ${p.path}, commit ${p.commit.slice(0, 10)}, read ${p.read}.`,
      p.note ? h('span', { class: 'near-model' }, ` Note: ${p.note}`) : null);
    return h('details', { class: 'curve-sources', open: v.curves.some((c) => c.provenance.note) },
      h('summary', {}, 'Where these curves come from'),
      h('ul', {},
        v.curves.map((c) => line(c.label, c.provenance, c.own)),
        h('li', {}, h('strong', {}, 'Harman over-ear 2018 target'), termLink('harman-target'), `: ${v.target.repository}, ${v.target.path}, commit ${v.target.commit.slice(0, 10)}.`)));
  }

  /** @param {import('../gen/wire').SoundView} v */
  ratings(v) {
    return h('p', { class: 'preference' },
      'Predicted preference rating', termLink('preference-rating'), ': ',
      v.curves.map((c, i) => [i ? '; ' : '', v.curves.length > 1 ? `${c.label} ` : '', h('strong', {}, c.preference.toFixed(1))]),
      '. A statistical model of how average listeners rate a tonal balance (Olive, Welti and Khonsaripour, 2018), not a verdict on a headphone or on your ears.');
  }

  /** The plot's accessible alternative: each curve's mean error per named band. */
  /** @param {import('../gen/wire').SoundView} v */
  bandTable(v) {
    const bands = v.curves[0].bands;
    return h('div', { class: 'band-wrap' }, h('table', { class: 'bands' },
      h('caption', {}, `Mean error against the target per band (${v.options.normalize === 'loudness' ? 'loudness-matched' : `0 dB at ${v.options.normalize === '1k' ? '1 kHz' : '500 Hz'}`})`),
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col' }, 'Band'),
        v.curves.map((c) => h('th', { scope: 'col' }, c.label)))),
      h('tbody', {}, bands.map((b, i) => h('tr', {},
        h('th', { scope: 'row' }, `${b.label} ${b.range}`),
        v.curves.map((c) => {
          const e = c.bands[i].error_db;
          return h('td', { class: Math.abs(e) >= 4 ? 'far' : null }, levelText(e));
        }))))));
  }

  remarks(curve) {
    const off = curve.remarks.filter((r) => r.severity !== 'close');
    return h('div', { class: 'remarks' },
      h('h4', {}, 'In plain words'),
      off.length === 0
        ? h('p', {}, 'Every band is within 2 dB of the target.')
        : h('ul', {}, off.map((r) => h('li', { class: `severity-${r.severity}` }, r.text))));
  }

  /** Import, replace or remove the user's own measurement of `ownFor`. */
  ownMeasurement() {
    const modelId = this.options.ownFor;
    const mine = this.view.curves.find((c) => c.own);
    const inputId = `${this.id}-file`;
    const input = h('input', {
      type: 'file', id: inputId, accept: FILE_TYPES,
      onchange: async () => {
        const file = input.files?.[0];
        input.value = '';
        if (!file) return;
        // The domain's limit, checked here too so that a huge file is not even read.
        const max = this.limits.measurement_bytes;
        if (file.size > max) {
          this.options.notify(`${file.name} is ${Math.round(file.size / 1024)} KiB; a measurement file may be at most ${max / 1048576} MiB. Nothing was changed.`, 'error');
          return;
        }
        try {
          const undo = await api.importCurve(modelId, file.name, await file.text());
          await this.changed(`Imported ${file.name}.`, undo);
        } catch (e) {
          this.options.notify(`${file.name}: ${e.message}. Nothing was changed.`, 'error');
        }
      },
    });
    return h('div', { class: 'own-measurement' },
      h('h4', {}, 'Your own measurement'),
      h('p', { class: 'muted' }, `An AutoEq CSV (frequency,raw), a Room EQ Wizard text export, or a squig.link / CrinGraph .txt; at most ${this.limits.measurement_bytes / 1048576} MiB.`),
      h('div', { class: 'actions' },
        input,
        h('label', { for: inputId, class: 'file-button' }, mine ? 'Replace your measurement…' : 'Import your measurement…'),
        mine ? h('button', {
          type: 'button', class: 'secondary', onclick: async () => {
            try {
              const undo = await api.removeCurve(modelId);
              await this.changed('Your measurement was removed.', undo);
            } catch (e) {
              this.options.notify(e.message, 'error');
            }
          },
        }, 'Remove your measurement') : null));
  }

  async changed(message, undo) {
    await this.load();
    this.options.onChange?.();
    this.options.notify(message, 'info', {
      label: 'Undo',
      run: async () => {
        await api.restoreCurve(undo);
        await this.load();
        this.options.onChange?.();
      },
    });
  }

  async export(format) {
    const name = `headroom-${this.ids.join('-vs-')}`.slice(0, 120);
    try {
      if (format === 'csv') saveText(await api.exportSoundCsv(this.ids, this.settings), `${name}.csv`, 'text/csv');
      else if (format === 'svg') saveSvg(this.svg, `${name}.svg`);
      else await savePng(this.svg, `${name}.png`);
    } catch (e) {
      this.options.notify(e.message, 'error');
    }
  }
}
