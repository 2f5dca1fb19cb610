// The journal in and out of files: export as JSON, CSV or Markdown, and import a JSON file
// (merged or replacing), checked for size before it is read.
import * as api from '../../api.js';
import { saveText } from '../../save.js';

/**
 * Saves the journal in `format`.
 * @param {import('../shortlist.js').ShortlistView} view
 * @param {'json'|'csv'|'markdown'} format
 */
export async function exportJournal(view, format) {
  try {
    const text = await api.exportJournal(format);
    const ext = { json: 'json', csv: 'csv', markdown: 'md' }[format];
    const type = { json: 'application/json', csv: 'text/csv', markdown: 'text/markdown' }[format];
    saveText(text, `headroom-journal.${ext}`, type);
  } catch (e) {
    view.actions.notify(e.message, 'error');
  }
}

/**
 * Imports the file picked in the view's file input, in the mode its select says.
 * @param {import('../shortlist.js').ShortlistView} view
 */
export async function importFile(view) {
  const file = view.fileInput.files?.[0];
  view.fileInput.value = '';
  if (!file) return;
  if (file.size > view.words.limits.import_bytes) {
    view.actions.notify(`${file.name}: the file is larger than ${view.words.limits.import_bytes / 1048576} MiB; nothing was imported.`, 'error');
    return;
  }
  const text = await file.text();
  const result = await view.run(() => api.importJournal(text, view.importMode.value));
  if (result) view.actions.notify(`Imported ${file.name}.`, 'info');
}
