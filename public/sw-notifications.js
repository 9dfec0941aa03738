// Loaded into the Workbox service worker (vite.config.ts, workbox.importScripts).
// Tapping a reminder opens the item it is about: an open window of the app is focused and sent there,
// otherwise a new one is opened. `data.url` is the app-relative hash route set by src/app/reminders.ts.
self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const target = new URL(event.notification.data?.url ?? './', self.registration.scope).href;
  event.waitUntil(
    (async () => {
      const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
      const open = windows.find((client) => client.url.startsWith(self.registration.scope));
      if (open) {
        await open.focus();
        return open.navigate ? open.navigate(target) : undefined;
      }
      return self.clients.openWindow(target);
    })(),
  );
});
