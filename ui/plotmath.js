// The little arithmetic a plot view needs besides what the domain computed: which grid point
// the pointer is over, and how a level reads. Pure: tested with `node --test`.

/** The index of the value in ascending `xs` nearest to `x`. */
export function nearestIndex(xs, x) {
  if (xs.length === 0) return -1;
  let lo = 0;
  let hi = xs.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] <= x) lo = mid; else hi = mid;
  }
  return Math.abs(xs[hi] - x) < Math.abs(xs[lo] - x) ? hi : lo;
}

/** "1.02 kHz", "63 Hz". */
export function frequencyText(hz) {
  if (hz >= 1000) return `${(hz / 1000).toFixed(hz >= 10_000 ? 1 : 2)} kHz`;
  return `${Math.round(hz)} Hz`;
}

/** "+2.3 dB", "−0.4 dB", "0.0 dB". */
export function levelText(db) {
  const text = Math.abs(db).toFixed(1);
  if (text === '0.0') return '0.0 dB';
  return `${db > 0 ? '+' : '−'}${text} dB`;
}

/**
 * What the readout says at grid point `i`: the frequency, then each shown series' level.
 * `series` are the plot's series; `hidden` the indices the user turned off.
 */
export function readout(frequencies, series, hidden, i) {
  const levels = series
    .map((s, k) => (hidden.has(k) ? null : `${s.label} ${levelText(s.db[i])}`))
    .filter(Boolean);
  return `${frequencyText(frequencies[i])}: ${levels.length ? levels.join(' · ') : 'every curve is hidden'}`;
}
