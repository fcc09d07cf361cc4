// The SharedWorker that holds the browser's one live-update stream for every tab of the staff app.
//
// Why a SharedWorker and not a leader tab elected with Web Locks: `navigator.locks` exists only in
// secure contexts (https or localhost), yet the six-connections-per-origin limit bites exactly on
// plain-http intranet installs, where browsers speak HTTP/1.1 (they use HTTP/2 only over TLS). A
// SharedWorker works on http too, lives as long as any tab of the app is open (closing the tab that
// opened it changes nothing, so there is no hand-over gap), and is not slowed down like a background tab.
// Vite bundles it from `new SharedWorker(new URL('./live.worker.ts', import.meta.url))` in `live.ts`.
import {
  createLiveHub,
  eventSourceOpener,
  type HubMessage,
  type HubPort,
  type TabMessage,
} from './live-hub.ts';

const hub = createLiveHub({ open: eventSourceOpener('/api/live') });

self.addEventListener('connect', (event) => {
  const port = (event as MessageEvent).ports[0];
  if (!port) return;
  const tab: HubPort = { post: (message: HubMessage) => port.postMessage(message) };
  port.addEventListener('message', (message: MessageEvent<TabMessage>) => hub.receive(tab, message.data));
  // Chromium tells a worker when a tab's port is gone; elsewhere tabs say "unsubscribe" on pagehide.
  port.addEventListener('close', () => hub.drop(tab));
  port.start();
});
