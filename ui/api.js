// The one module that talks to Tauri. Views call these functions, never `invoke` directly.
// Every failure arrives as an ApiError with a stable `kind` (see src-tauri/error.rs); views
// branch on `kind`, never on the message text.

/** @typedef {'invalid_input'|'not_found'|'invalid_data'|'storage'|'unavailable'|'internal'} ErrorKind */

export class ApiError extends Error {
  /** @param {ErrorKind} kind @param {string} message */
  constructor(kind, message) {
    super(message);
    this.name = 'ApiError';
    this.kind = kind;
  }
}

/** Turns whatever a rejected invoke gives into an ApiError. Exported for tests. */
export function toApiError(raw) {
  if (raw && typeof raw === 'object' && typeof raw.kind === 'string') {
    return new ApiError(raw.kind, String(raw.message ?? ''));
  }
  return new ApiError('internal', typeof raw === 'string' ? raw : String(raw?.message ?? raw));
}

async function call(command, args) {
  const core = globalThis.__TAURI__?.core;
  if (!core) throw new ApiError('unavailable', 'Headroom must run inside its desktop window.');
  try {
    return await core.invoke(command, args);
  } catch (raw) {
    throw toApiError(raw);
  }
}

/**
 * @typedef {{ value: number, unit: 'dB/mW'|'dB/V', ref_hz: number|null }} Sensitivity
 * @typedef {{ id: string, family: string, brand: string, model: string, variant: string|null,
 *   back: 'open'|'semi-open'|'closed', transducer: string|null, driver_mm: number|null,
 *   impedance_ohm: number|null, sensitivity: Sensitivity|null, weight_g: number|null,
 *   frequency_response: {low_hz: number, high_hz: number}|null,
 *   cable: {detachable: boolean|null, length_m: number|null, style: string|null, connector: string|null},
 *   folds: boolean|null, swivels: boolean|null, pads: string|null, tier: string|null,
 *   price: {amount: number, currency: string, as_of: string, source: string}|null, year: number|null,
 *   notes: {isolation: string|null, leakage: string|null, comfort: string|null},
 *   sources: {kind: string, title: string, url: string}[],
 *   provenance: Record<string, {kind: string, source: number|null}>, figure_notes: Record<string, string>,
 *   origin: 'catalog'|'user' }} Model
 */

/**
 * @typedef {{ value: string, label: string, explanation?: string }} Word
 * @typedef {{ reason_chars: number, place_chars: number, notes_chars: number, name_chars: number, minutes: number,
 *   import_bytes: number, measurement_bytes: number, curve_label_chars: number,
 *   impedance_ohm: [number, number], weight_g: [number, number], price_usd: [number, number],
 *   hours: [number, number] }} Limits
 * @typedef {{ figure_kinds: Word[], smoothing: Word[], normalize: Word[], limits: Limits }} Vocabulary
 * @typedef {{ level: string, message: string }} Notice
 * @returns {Promise<{version: string, data_dir: string, data_file: string, catalog_models: number,
 *   notices: Notice[], started_ms: number, vocabulary: Vocabulary}>}
 */
export const appInfo = () => call('app_info');

/**
 * @typedef {{ text?: string, back?: string[], tier?: string[], transducer?: string[], brand?: string[],
 *   impedance_min?: number|null, impedance_max?: number|null, sort?: string, descending?: boolean,
 *   offset?: number, limit?: number|null }} Query
 * @typedef {{ value: string, count: number }} FacetCount
 * @typedef {{ id: string, brand: string, model: string, variant: string|null, back: 'open'|'semi-open'|'closed',
 *   transducer: string|null, impedance_ohm: number|null, sensitivity: Sensitivity|null, weight_g: number|null,
 *   tier: string|null, origin: 'catalog'|'user' }} ModelBrief
 * @typedef {{ total: number, models: ModelBrief[], facets: Record<'back'|'tier'|'transducer'|'brand', FacetCount[]> }} ModelPage
 */

/** @param {Query} query @returns {Promise<ModelPage>} */
export const listModels = (query = {}) => call('list_models', { query });

/** @param {string} id @returns {Promise<Model>} */
export const getModel = (id) => call('get_model', { id });

/** @returns {Promise<{id: string, name: string, device: string, spec: {vrms: number, output_ohm: number}, source_title: string, source_url: string, note: string}[]>} */
export const sourcePresets = () => call('source_presets');

/** The saved advisor profile (defaults when none). */
export const getProfile = () => call('get_profile');

/** Saves the advisor profile with the user's data. */
export const saveProfile = (profile) => call('save_profile', { profile });

/**
 * Ranked models for a profile: how many were ranked, and the best of them explained.
 * @returns {Promise<{total: number, results: {id: string, score: number, fit: string, over_budget: boolean,
 *   reasons: {kind: 'pro'|'con', text: string, weight: number}[],
 *   drive: {max_spl_db: number, headroom_db: number, verdict: string}|null, model: Model}[]}>}
 */
export const recommend = (profile) => call('recommend', { profile });

/**
 * @typedef {{ model_id: string, status: string, reason: string, added: string, model: Model }} ShortlistItem
 * @typedef {{ id: string, model_id: string, date: string, place: string, minutes: number|null,
 *   ratings: Record<string, number|null>, sound: Record<string, number|null>, notes: string,
 *   verdict: 'keep'|'maybe'|'no'|null }} Session
 * @typedef {{ shortlist: ShortlistItem[], sessions: Session[], own_models: Model[], compare: string[],
 *   summaries: object[], models: Model[] }} Journal
 */

/** @returns {Promise<Journal>} */
export const getJournal = () => call('get_journal');
export const shortlistAdd = (modelId) => call('shortlist_add', { modelId });
export const shortlistSetStatus = (modelId, status) => call('shortlist_set_status', { modelId, status });
export const shortlistSetReason = (modelId, reason) => call('shortlist_set_reason', { modelId, reason });
export const shortlistMove = (modelId, index) => call('shortlist_move', { modelId, index });
/** @returns {Promise<{journal: Journal, undo: object}>} */
export const shortlistRemove = (modelId) => call('shortlist_remove', { modelId });
export const shortlistRestore = (undo) => call('shortlist_restore', { undo });
export const sessionAdd = (session) => call('session_add', { session });
export const sessionUpdate = (id, session) => call('session_update', { id, session });
/** @returns {Promise<{journal: Journal, undo: object}>} */
export const sessionDelete = (id) => call('session_delete', { id });
export const sessionRestore = (undo) => call('session_restore', { undo });
export const ownModelAdd = (model) => call('own_model_add', { model });
export const ownModelUpdate = (id, model) => call('own_model_update', { id, model });
/** @returns {Promise<{journal: Journal, undo: object}>} */
export const ownModelDelete = (id) => call('own_model_delete', { id });
export const ownModelRestore = (undo) => call('own_model_restore', { undo });
export const setCompare = (ids) => call('set_compare', { ids });
/** Adds a model to the comparison (at most four; one already there stays). @returns {Promise<{ids: string[], added: boolean}>} */
export const compareAdd = (modelId) => call('compare_add', { modelId });
/** @param {'json'|'csv'|'markdown'} format @returns {Promise<string>} */
export const exportJournal = (format) => call('export_journal', { format });
/** @param {string} text the file's contents @param {'merge'|'replace'} mode */
export const importJournal = (text, mode) => call('import_journal', { text, mode });

/**
 * @typedef {{ text: string, value: number|null, known: boolean, best: boolean, bar: number|null }} Cell
 * @typedef {{ key: string, label: string, cells: Cell[], differs: boolean, better: 'higher'|'lower'|null }} Row
 * @typedef {{ columns: {id: string, name: string, origin: string}[], sections: {key: string, title: string, rows: Row[]}[],
 *   source_name: string, target_db: number }} Comparison
 */

/** @returns {Promise<{ids: string[], comparison: Comparison|null}>} */
export const getComparison = () => call('get_comparison');
/** @param {'markdown'|'csv'} format @returns {Promise<string>} */
export const exportComparison = (format) => call('export_comparison', { format });

/**
 * @typedef {{ smoothing?: 'none'|'1/12'|'1/6'|'1/3', normalize?: '1k'|'500'|'loudness', error?: boolean }} SoundOptions
 * @typedef {{ measurer: string, rig: string, repository: string, path: string, commit: string, read: string, note: string|null }} CurveSource
 * @typedef {{ name: string, label: string, low_hz: number, high_hz: number, range: string, error_db: number }} BandError
 * @typedef {{ model_id: string, label: string, own: boolean, provenance: CurveSource, bands: BandError[],
 *   remarks: {band: string, severity: 'close'|'mild'|'far', error_db: number, text: string}[], preference: number }} ShownCurve
 * @typedef {{ options: SoundOptions, curves: ShownCurve[], unmeasured: string[], plot: object, target: CurveSource }} SoundView
 */

/** The measured sound of 1 to 4 models against the target. @returns {Promise<SoundView>} */
export const getSound = (ids, options) => call('get_sound', { ids, options });
/** The plotted data as CSV. @returns {Promise<string>} */
export const exportSoundCsv = (ids, options) => call('export_sound_csv', { ids, options });
/** Imports a measurement file's text for a model. @returns {Promise<{model_id: string, previous: object|null}>} the undo */
export const importCurve = (modelId, label, text) => call('import_curve', { modelId, label, text });
/** @returns {Promise<{model_id: string, previous: object|null}>} the undo */
export const removeCurve = (modelId) => call('remove_curve', { modelId });
export const restoreCurve = (undo) => call('restore_curve', { undo });

/**
 * @typedef {{ impedance_ohm?: number|null, sensitivity?: Sensitivity|null, weight_g?: number|null,
 *   price?: {amount: number, currency: 'USD', as_of: string, source: string}|null }} UserFigures
 * @typedef {{ model: Model, undo: {model_id: string, previous: UserFigures|null} }} FiguresChanged
 */
/** @param {string} modelId @param {UserFigures} figures @returns {Promise<FiguresChanged>} */
export const setFigures = (modelId, figures) => call('set_figures', { modelId, figures });
/** @returns {Promise<FiguresChanged>} */
export const removeFigures = (modelId) => call('remove_figures', { modelId });
