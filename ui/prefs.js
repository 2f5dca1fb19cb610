// Interface preferences (theme, the welcome seen): kept in the webview's localStorage, beside
// the window and not in the user's journal. No DOM beyond `document.documentElement`, and the
// storage is passed in, so `node --test` covers the logic.

export const THEMES = /** @type {const} */ (['system', 'light', 'dark']);
const THEME_KEY = 'headroom.theme';
const WELCOME_KEY = 'headroom.welcome-seen';

/** The webview's storage, or null when it is unavailable (it never throws at the caller). */
export function defaultStorage() {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/** The stored theme choice; anything unknown reads as 'system'. */
export function loadTheme(storage = defaultStorage()) {
  const value = read(storage, THEME_KEY);
  return THEMES.includes(value) ? value : 'system';
}

export function saveTheme(theme, storage = defaultStorage()) {
  if (!THEMES.includes(theme)) throw new RangeError(`unknown theme ${theme}`);
  if (theme === 'system') remove(storage, THEME_KEY);
  else write(storage, THEME_KEY, theme);
}

/**
 * Puts the choice on the root element: app.css reads `data-theme` ('light' or 'dark'); without
 * it, `prefers-color-scheme` decides.
 */
export function applyTheme(theme, root = globalThis.document?.documentElement) {
  if (!root) return;
  if (theme === 'light' || theme === 'dark') root.dataset.theme = theme;
  else delete root.dataset.theme;
}

export const welcomeSeen = (storage = defaultStorage()) => read(storage, WELCOME_KEY) === 'yes';
export const markWelcomeSeen = (storage = defaultStorage()) => write(storage, WELCOME_KEY, 'yes');
export const forgetWelcome = (storage = defaultStorage()) => remove(storage, WELCOME_KEY);

// A preference that cannot be stored is not worth an error: the app works without it.
function read(storage, key) {
  try {
    return storage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}
function write(storage, key, value) {
  try {
    storage?.setItem(key, value);
  } catch {
    /* storage full or disabled: keep the choice for this run only */
  }
}
function remove(storage, key) {
  try {
    storage?.removeItem(key);
  } catch {
    /* as above */
  }
}
