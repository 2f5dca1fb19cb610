// Hands exported text or images to the user as a file download.
import { h } from './dom.js';

export function saveBlob(blob, filename) {
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: filename, class: 'visually-hidden' });
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function saveText(text, filename, type) {
  saveBlob(new Blob([text], { type }), filename);
}
