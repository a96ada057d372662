// The offline page: as soon as Harbour can be reached again, load the page that was asked for
// (the app then sends anything waiting). "online" only means a network is there, not that it
// works, so ask the server before reloading, and keep asking every few seconds.
// Kept as a file because Harbour's CSP allows no inline script.
let checking = false;
async function tryAgain() {
	if (checking || !navigator.onLine) return;
	checking = true;
	try {
		const reply = await fetch('/status', { cache: 'no-store' });
		if (reply.ok) location.reload();
	} catch {
		// Still no way through: the next tick tries again.
	} finally {
		checking = false;
	}
}
addEventListener('online', tryAgain);
setInterval(tryAgain, 3000);
