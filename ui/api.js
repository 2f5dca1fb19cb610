// The one module that talks to Tauri. Views call these functions, never `invoke` directly.
// Every failure arrives as an ApiError with a stable `kind` (see src-tauri/error.rs); views
// branch on `kind`, never on the message text.
//
// The types are generated from Rust (gen/wire.d.ts, by tests/app/types.rs): `call` takes a
// command's name and resolves to that command's result type, and `tsc -p tests/ui` checks every
// view against them, so a field renamed in Rust fails the UI's type check.

/** @typedef {import('../gen/wire').Commands} Commands */
/** The kinds a command fails with, and two of the UI's own: no Tauri, and an unexpected throw.
 * @typedef {import('../gen/wire').ErrorKind | 'unavailable' | 'internal'} ErrorKind */

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

/**
 * @template {keyof Commands} C
 * @param {C} command
 * @param {Commands[C]['args']} [args]
 * @returns {Promise<Commands[C]['result']>}
 */
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
 * Names the views use in their own JSDoc.
 * @typedef {import('../gen/wire').Model} Model
 * @typedef {import('../gen/wire').ModelBrief} ModelBrief
 * @typedef {import('../gen/wire').Query} Query
 * @typedef {import('../gen/wire').Profile} Profile
 * @typedef {import('../gen/wire').JournalView} Journal
 * @typedef {import('../gen/wire').Session} Session
 * @typedef {import('../gen/wire').Comparison} Comparison
 * @typedef {import('../gen/wire').SoundView} SoundView
 * @typedef {import('../gen/wire').ViewOptions} SoundOptions
 * @typedef {import('../gen/wire').UserFigures} UserFigures
 * @typedef {import('../gen/wire').Vocabulary} Vocabulary
 */

export const appInfo = () => call('app_info');

/** @param {Partial<Query>} query */
export const listModels = (query = {}) => call('list_models', { query });
/** @param {string} id */
export const getModel = (id) => call('get_model', { id });
export const sourcePresets = () => call('source_presets');

/** The saved advisor profile (defaults when none). */
export const getProfile = () => call('get_profile');
/** Saves the advisor profile with the user's data. @param {Partial<Profile>} profile */
export const saveProfile = (profile) => call('save_profile', { profile });
/** Ranked models for a profile: how many were ranked, and the best of them explained. @param {Partial<Profile>} profile */
export const recommend = (profile) => call('recommend', { profile });

/** @typedef {Commands['shortlist_set_status']['args']['status']} Status */
/** @typedef {Commands['session_add']['args']['session']} SessionInput */
/** @typedef {Commands['own_model_add']['args']['model']} OwnModelInput */

export const getJournal = () => call('get_journal');
/** Every try-on of a group: a shortlisted model's, or the other models' ('others'); a journal
 * view carries only the latest of each.
 * @param {Commands['get_sessions']['args']['group']} group */
export const getSessions = (group) => call('get_sessions', { group });
/** @param {string} modelId */
export const shortlistAdd = (modelId) => call('shortlist_add', { modelId });
/** @param {string} modelId @param {Status} status */
export const shortlistSetStatus = (modelId, status) => call('shortlist_set_status', { modelId, status });
/** @param {string} modelId @param {string} reason */
export const shortlistSetReason = (modelId, reason) => call('shortlist_set_reason', { modelId, reason });
/** @param {string} modelId @param {number} index */
export const shortlistMove = (modelId, index) => call('shortlist_move', { modelId, index });
/** @param {string} modelId */
export const shortlistRemove = (modelId) => call('shortlist_remove', { modelId });
/** @param {Commands['shortlist_restore']['args']['undo']} undo */
export const shortlistRestore = (undo) => call('shortlist_restore', { undo });
/** @param {SessionInput} session */
export const sessionAdd = (session) => call('session_add', { session });
/** @param {string} id @param {SessionInput} session */
export const sessionUpdate = (id, session) => call('session_update', { id, session });
/** @param {string} id */
export const sessionDelete = (id) => call('session_delete', { id });
/** @param {Commands['session_restore']['args']['undo']} undo */
export const sessionRestore = (undo) => call('session_restore', { undo });
/** @param {OwnModelInput} model */
export const ownModelAdd = (model) => call('own_model_add', { model });
/** @param {string} id @param {OwnModelInput} model */
export const ownModelUpdate = (id, model) => call('own_model_update', { id, model });
/** @param {string} id */
export const ownModelDelete = (id) => call('own_model_delete', { id });
/** @param {Commands['own_model_restore']['args']['undo']} undo */
export const ownModelRestore = (undo) => call('own_model_restore', { undo });
/** @param {string[]} ids */
export const setCompare = (ids) => call('set_compare', { ids });
/** Adds a model to the comparison (at most four; one already there stays). @param {string} modelId */
export const compareAdd = (modelId) => call('compare_add', { modelId });
/** @param {Commands['export_journal']['args']['format']} format */
export const exportJournal = (format) => call('export_journal', { format });
/** @param {string} text the file's contents @param {Commands['import_journal']['args']['mode']} mode */
export const importJournal = (text, mode) => call('import_journal', { text, mode });

export const getComparison = () => call('get_comparison');
/** @param {Commands['export_comparison']['args']['format']} format */
export const exportComparison = (format) => call('export_comparison', { format });

/** The measured sound of 1 to 4 models against the target. @param {string[]} ids @param {Partial<SoundOptions>} options */
export const getSound = (ids, options) => call('get_sound', { ids, options });
/** The plotted data as CSV. @param {string[]} ids @param {Partial<SoundOptions>} options */
export const exportSoundCsv = (ids, options) => call('export_sound_csv', { ids, options });
/** Imports a measurement file's text for a model; resolves to the undo. @param {string} modelId @param {string} label @param {string} text */
export const importCurve = (modelId, label, text) => call('import_curve', { modelId, label, text });
/** Resolves to the undo. @param {string} modelId */
export const removeCurve = (modelId) => call('remove_curve', { modelId });
/** @param {Commands['restore_curve']['args']['undo']} undo */
export const restoreCurve = (undo) => call('restore_curve', { undo });

/** @param {string} modelId @param {UserFigures} figures */
export const setFigures = (modelId, figures) => call('set_figures', { modelId, figures });
/** @param {string} modelId */
export const removeFigures = (modelId) => call('remove_figures', { modelId });
