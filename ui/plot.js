// Draws a frequency-response plot the domain laid out (`sound::plot`): grid, labelled ticks,
// one path per curve with its own dash pattern (never colour alone), a legend whose buttons
// hide and show curves, and a readout of the levels at one frequency, moved by the pointer or
// by the keyboard through a range input. Also saves the plot as SVG or PNG.
import { h, s } from './dom.js';
import { frequencyText, nearestIndex, readout } from './plotmath.js';
import { saveBlob, saveText } from './save.js';

let plotCount = 0;

/**
 * @param {object} plot the domain's Plot: width, height, area, db_range, x_ticks, y_ticks,
 *   frequency_hz, x, series [{label, target, d, dash, db}]
 * @param {{ title: string, yLabel: string }} text what the plot shows
 * @returns {{ element: HTMLElement, svg: SVGSVGElement }}
 */
export function plotFigure(plot, text) {
  const id = `plot-${++plotCount}`;
  const [left, top, right, bottom] = plot.area;
  const hidden = new Set();
  const grid = s('g', { class: 'plot-grid' },
    plot.x_ticks.map((t) => s('line', { x1: t.at, x2: t.at, y1: top, y2: bottom })),
    plot.y_ticks.map((t) => s('line', { x1: left, x2: right, y1: t.at, y2: t.at })));
  const labels = s('g', { class: 'plot-labels' },
    plot.x_ticks.map((t) => s('text', { x: t.at, y: bottom + 16, 'text-anchor': 'middle' }, t.label)),
    plot.y_ticks.map((t) => s('text', { x: left - 6, y: t.at + 4, 'text-anchor': 'end' }, t.label)),
    s('text', { x: (left + right) / 2, y: plot.height - 2, 'text-anchor': 'middle', class: 'axis-title' }, 'Frequency (Hz)'),
    s('text', { x: 12, y: (top + bottom) / 2, 'text-anchor': 'middle', class: 'axis-title', transform: `rotate(-90 12 ${(top + bottom) / 2})` }, text.yLabel));
  let modelIndex = 0;
  const paths = plot.series.map((series) => s('path', {
    d: series.d,
    class: series.target ? 'series series-target' : `series series-${modelIndex++ % 4}`,
    'stroke-dasharray': series.dash || null,
  }));
  const cursor = s('line', { class: 'plot-cursor', y1: top, y2: bottom, x1: -10, x2: -10 });
  const svg = s('svg', {
    viewBox: `0 0 ${plot.width} ${plot.height}`, role: 'img', class: 'plot',
    'aria-labelledby': `${id}-title`, 'aria-describedby': `${id}-readout`,
  }, s('title', { id: `${id}-title` }, text.title), grid, labels, s('g', { class: 'plot-series' }, paths), cursor);

  const output = h('output', { id: `${id}-readout`, class: 'plot-readout', 'aria-live': 'polite', for: `${id}-at` });
  const slider = h('input', {
    type: 'range', id: `${id}-at`, min: 0, max: plot.x.length - 1, step: 1,
    value: nearestIndex(plot.frequency_hz, 1000),
  });
  const show = (i) => {
    slider.value = String(i);
    slider.setAttribute('aria-valuetext', frequencyText(plot.frequency_hz[i]));
    cursor.setAttribute('x1', plot.x[i]);
    cursor.setAttribute('x2', plot.x[i]);
    output.textContent = readout(plot.frequency_hz, plot.series, hidden, i);
  };
  slider.addEventListener('input', () => show(Number(slider.value)));
  svg.addEventListener('pointermove', (e) => {
    const box = svg.getBoundingClientRect();
    if (box.width === 0) return;
    const x = ((e.clientX - box.left) / box.width) * plot.width;
    show(nearestIndex(plot.x, x));
  });

  const legend = h('ul', { class: 'legend', 'aria-label': 'Curves: press one to hide or show it' },
    plot.series.map((series, k) => {
      const swatch = s('svg', { viewBox: '0 0 28 8', class: 'swatch', 'aria-hidden': 'true' },
        s('line', { x1: 0, x2: 28, y1: 4, y2: 4, class: paths[k].getAttribute('class'), 'stroke-dasharray': series.dash || null }));
      const button = h('button', { type: 'button', class: 'legend-item', 'aria-pressed': 'true' }, swatch, series.label);
      button.addEventListener('click', () => {
        const shown = hidden.has(k);
        if (shown) hidden.delete(k); else hidden.add(k);
        button.setAttribute('aria-pressed', String(shown));
        paths[k].classList.toggle('hidden', !shown);
        show(Number(slider.value));
      });
      return h('li', {}, button);
    }));

  show(Number(slider.value));
  const element = h('figure', { class: 'plot-figure' },
    svg,
    h('div', { class: 'plot-reader' }, h('label', { for: `${id}-at` }, 'Read the levels at'), slider),
    output,
    legend);
  return { element, svg };
}

/** The plot as a standalone SVG document, with the colours of the current theme written in. */
export function svgDocument(svg) {
  const copy = svg.cloneNode(true);
  const originals = svg.querySelectorAll('*');
  copy.querySelectorAll('*').forEach((el, i) => {
    const style = getComputedStyle(originals[i]);
    if (el.tagName === 'text') el.setAttribute('fill', style.fill);
    if (['line', 'path'].includes(el.tagName)) {
      el.setAttribute('stroke', style.stroke);
      el.setAttribute('stroke-width', style.strokeWidth);
      el.setAttribute('fill', 'none');
      if (style.display === 'none') el.setAttribute('display', 'none');
    }
  });
  const [, , width, height] = svg.getAttribute('viewBox').split(' ').map(Number);
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('width', width);
  copy.setAttribute('height', height);
  copy.setAttribute('font-family', 'sans-serif');
  copy.setAttribute('font-size', '11');
  const background = getComputedStyle(svg.closest('.sound-panel') ?? document.body).backgroundColor;
  copy.insertBefore(s('rect', { width, height, fill: background }), copy.firstChild);
  copy.querySelector('.plot-cursor')?.remove();
  return new XMLSerializer().serializeToString(copy);
}

/** Saves the plot as an SVG file. */
export function saveSvg(svg, filename) {
  saveText(svgDocument(svg), filename, 'image/svg+xml');
}

/** Saves the plot as a PNG at twice its size. */
export async function savePng(svg, filename) {
  saveBlob(await pngBlob(svg), filename);
}

/** The plot as a PNG at twice its size, drawn from the SVG document through a canvas. */
export function pngBlob(svg) {
  return new Promise((resolve, reject) => {
    const [, , width, height] = svg.getAttribute('viewBox').split(' ').map(Number);
    const image = new Image();
    image.onload = () => {
      const canvas = document.createElement('canvas');
      canvas.width = width * 2;
      canvas.height = height * 2;
      const context = canvas.getContext('2d');
      context.scale(2, 2);
      context.drawImage(image, 0, 0, width, height);
      canvas.toBlob((blob) => {
        if (!blob) { reject(new Error('This window could not turn the plot into a PNG.')); return; }
        resolve(blob);
      }, 'image/png');
    };
    image.onerror = () => reject(new Error('This window could not draw the plot for the PNG.'));
    image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgDocument(svg))}`;
  });
}
