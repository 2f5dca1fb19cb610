// Modal dialogs: native <dialog> (Escape closes it, focus stays inside), plus giving the focus
// back to whatever opened it when it closes.

/**
 * Opens `dialog` as a modal and, when it closes, puts the focus back where it was.
 * `focus` is the element to focus first (default: the browser's choice, the first control).
 */
export function openModal(dialog, focus = null) {
  const opener = document.activeElement;
  if (!dialog.isConnected) document.body.appendChild(dialog);
  if (!dialog.open) dialog.showModal();
  focus?.focus();
  dialog.addEventListener('close', () => {
    // Back to the opener, also when it sits in a dialog still open beneath this one.
    if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
  }, { once: true });
}

/** Closes every open dialog (before opening another over it, or on request). */
export function closeAll() {
  for (const d of document.querySelectorAll('dialog[open]')) d.close();
}
