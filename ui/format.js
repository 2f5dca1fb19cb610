// Pure formatting of catalog figures for people. No DOM, no Tauri: tested with `node --test`.
// An unknown figure is never shown as zero: it reads "not published".

export const UNKNOWN = 'not published';

/**
 * The domain's words for its values, by list and wire name. They have one home, the enums'
 * `label()` in Rust; `app_info` serves them and `useVocabulary` puts them here once, before the
 * first view is drawn (ui/vocabulary.js). Until then a value reads as its wire name.
 * @type {Record<'backs'|'tiers'|'transducers'|'loudness'|'fits', Map<string, string>>}
 */
const labels = { backs: new Map(), tiers: new Map(), transducers: new Map(), loudness: new Map(), fits: new Map() };

/** @param {import('../gen/wire').Vocabulary} vocabulary */
export function useVocabulary(vocabulary) {
  for (const list of /** @type {(keyof typeof labels)[]} */ (Object.keys(labels))) {
    labels[list] = new Map(vocabulary[list].map((w) => [w.value, w.label]));
  }
}

const trim = (n, digits = 1) => Number(n.toFixed(digits)).toString();

/** @param {string} b */
export const backLabel = (b) => (b == null ? UNKNOWN : labels.backs.get(b) ?? b);
/** @param {string|null} t */
export const tierLabel = (t) => (t == null ? UNKNOWN : labels.tiers.get(t) ?? t);
/** @param {string|null} t */
export const transducerLabel = (t) => (t == null ? UNKNOWN : labels.transducers.get(t) ?? t);
/** A loudness verdict. @param {string|null} v */
export const verdictLabel = (v) => (v == null ? UNKNOWN : labels.loudness.get(v) ?? v);
/** @param {string} v */
export const fitLabel = (v) => labels.fits.get(v) ?? v;

/** "Beyerdynamic DT 770 Pro 80 ohm" @param {{brand: string|null, model: string, variant: string|null}} m */
export function modelName(m) {
  return [m.brand, m.model, m.variant].filter((s) => s && s.trim()).join(' ');
}

export function impedance(ohm) {
  return ohm == null ? UNKNOWN : `${trim(ohm)} Ω`;
}

/** "96 dB SPL/mW at 500 Hz" @param {import('../gen/wire').Sensitivity|null} s */
export function sensitivity(s) {
  if (s == null) return UNKNOWN;
  const unit = s.unit === 'dB/V' ? 'dB SPL/V' : 'dB SPL/mW';
  const at = s.ref_hz == null ? '' : ` at ${hz(s.ref_hz)}`;
  return `${trim(s.value)} ${unit}${at}`;
}

/** "96 dB/mW": the table's short form; the detail view shows the reference frequency. */
export function sensitivityShort(s) {
  return s == null ? UNKNOWN : `${trim(s.value)} ${s.unit}`;
}

export function hz(f) {
  return f >= 1000 ? `${trim(f / 1000, 2)} kHz` : `${trim(f)} Hz`;
}

/** @param {import('../gen/wire').FrequencyResponse|null} r */
export function frequencyRange(r) {
  return r == null ? UNKNOWN : `${hz(r.low_hz)} – ${hz(r.high_hz)}`;
}

export function grams(g) {
  return g == null ? UNKNOWN : `${trim(g)} g`;
}

export function millimetres(mm) {
  return mm == null ? UNKNOWN : `${trim(mm)} mm`;
}

export function yesNo(b) {
  return b == null ? UNKNOWN : b ? 'Yes' : 'No';
}

/**
 * "Detachable, 3 m coiled, 3.5 mm with 6.35 mm adapter" with unknown parts said as such.
 * @param {import('../gen/wire').Cable|null} c
 */
export function cable(c) {
  if (!c) return UNKNOWN;
  const parts = [];
  parts.push(c.detachable == null ? 'detachable: not published' : c.detachable ? 'Detachable' : 'Fixed');
  const style = c.style === 'both' ? 'straight and coiled' : c.style;
  if (c.length_m != null || style) {
    parts.push([c.length_m != null ? `${trim(c.length_m, 2)} m` : null, style].filter(Boolean).join(' '));
  }
  if (c.connector) parts.push(c.connector);
  return parts.join(', ');
}

/** @param {import('../gen/wire').Price|null} p */
export function price(p) {
  if (p == null) return UNKNOWN;
  const amount = new Intl.NumberFormat('en', { style: 'currency', currency: p.currency, maximumFractionDigits: 0 }).format(p.amount);
  return `about ${amount} (${p.as_of})`;
}

/**
 * Compact sort-free text used by the table's accessible row summaries.
 * @param {import('../gen/wire').ModelBrief} m
 */
export function summary(m) {
  return `${modelName(m)}: ${backLabel(m.back).toLowerCase()} back, ${impedance(m.impedance_ohm)}, ${sensitivity(m.sensitivity)}`;
}

/** "+4.2 dB" / "−3.0 dB": headroom with an explicit sign. */
export function signedDb(db) {
  if (db == null) return UNKNOWN;
  const sign = db > 0.05 ? '+' : db < -0.05 ? '−' : '±';
  return `${sign}${Math.abs(db).toFixed(1)} dB`;
}

/**
 * Geometry of a loudness bar: the scale runs from `floor` to `ceiling` dB SPL; returns the
 * filled share for the model's maximum level and the marker position of the target, in percent.
 */
export function loudnessBar(maxSplDb, targetDb, floor = 80, ceiling = 135) {
  const pct = (db) => Math.min(100, Math.max(0, ((db - floor) / (ceiling - floor)) * 100));
  return { fill: pct(maxSplDb), target: pct(targetDb) };
}

/** "+2.5" for a reason's weight. */
export function weight(w) {
  return `${w > 0 ? '+' : w < 0 ? '−' : '±'}${Math.abs(w).toFixed(1)}`;
}

/** A number without trailing zeros: 1.25 → "1.25", 3 → "3". */
export function trimNumber(n, digits = 2) {
  return trim(n, digits);
}
