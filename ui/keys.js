// Keyboard shortcuts: which key does what, as data and one pure function, so the help overlay
// lists exactly what the handler does and `node --test` checks both.

/** The shortcuts, in the order the help overlay lists them. */
export const SHORTCUTS = [
  { keys: ['Alt+1'], does: 'Browse the catalog' },
  { keys: ['Alt+2'], does: 'Advisor' },
  { keys: ['Alt+3'], does: 'Compare' },
  { keys: ['Alt+4'], does: 'Shortlist and try-on journal' },
  { keys: ['Ctrl+K', '/'], does: 'Search the catalog' },
  { keys: ['?', 'F1'], does: 'Show these shortcuts' },
  { keys: ['Esc'], does: 'Close the dialog or overlay that is open' },
  { keys: ['Tab', 'Shift+Tab'], does: 'Move between controls' },
  { keys: ['←', '→', '↑', '↓'], does: 'Pick a value in a group of choices (ratings, room, verdict)' },
  { keys: ['Enter', 'Space'], does: 'Press the focused button, tick the focused box' },
];

const VIEW_KEYS = { 1: 'browse', 2: 'advisor', 3: 'compare', 4: 'shortlist' };

/** True when keys typed into `el` are text for it, so single-key shortcuts must not fire. */
export function isTextEntry(el) {
  if (!el || typeof el !== 'object') return false;
  if (el.isContentEditable) return true;
  const tag = String(el.tagName ?? '').toLowerCase();
  if (tag === 'textarea' || tag === 'select') return true;
  if (tag !== 'input') return false;
  const type = String(el.type ?? 'text').toLowerCase();
  return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(type);
}

/**
 * What a keydown means: `{ view: id }`, `{ command: 'search' | 'help' }`, or null. `typing` is
 * whether the focus is in a text field (see `isTextEntry`).
 * @param {{ key: string, code?: string, altKey?: boolean, ctrlKey?: boolean, metaKey?: boolean, shiftKey?: boolean }} e
 */
export function commandFor(e, typing = false) {
  const alt = Boolean(e.altKey);
  const ctrl = Boolean(e.ctrlKey || e.metaKey);
  if (alt && !ctrl) {
    // Alt+digit: some layouts give another character for the key, so the code decides too.
    const digit = /^Digit([1-4])$/.exec(e.code ?? '')?.[1] ?? (VIEW_KEYS[e.key] ? e.key : null);
    return digit ? { view: VIEW_KEYS[digit] } : null;
  }
  if (ctrl && !alt && (e.key === 'k' || e.key === 'K')) return { command: 'search' };
  if (e.key === 'F1' && !alt && !ctrl) return { command: 'help' };
  if (typing || alt || ctrl) return null;
  if (e.key === '/') return { command: 'search' };
  if (e.key === '?') return { command: 'help' };
  return null;
}
