// Modal dialogs: native <dialog> (Escape closes it, focus stays inside), plus giving the focus
// back to whatever opened it when it closes.

/**
 * Opens `dialog` as a modal and, when it closes, puts the focus back where it was.
 * `focus` is the element to focus first (default: the browser's choice, the first control).
 */
export function openModal(dialog, focus = null) {
  if (!dialog.isConnected) document.body.appendChild(dialog);
  if (!dialog.open) {
    const opener = document.activeElement;
    dialog.showModal();
    // One handler per dialog, replaced at each opening. The close event comes in a task of its
    // own, so it can arrive after the dialog was opened again (closed and reopened in one go):
    // then it is not this opening's close, and the focus stays in the dialog.
    dialog.onclose = () => {
      if (dialog.open) return;
      // Back to the opener, also when it sits in a dialog still open beneath this one.
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    };
  }
  focus?.focus();
}

/** Closes every open dialog (before opening another over it, or on request). */
export function closeAll() {
  for (const d of document.querySelectorAll('dialog')) if (d.open) d.close();
}
