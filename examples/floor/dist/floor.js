// The same milestones the app marks (see benches/app.rs), for a page that does the least a
// Tauri page can: one IPC call and one line of text.
performance.mark('headroom:start');
const info = await window.__TAURI__.core.invoke('app_info');
performance.mark('headroom:browse-data');
document.getElementById('out').textContent = `Started at ${info.started_ms}.`;
requestAnimationFrame(() => setTimeout(() => performance.mark('headroom:catalog-rendered'), 0));
