// Rekindle's service worker (docs/decisions/0019). It keeps the offline page and the few static files
// that page needs, and nothing else: no page a member sees is ever stored on the device. Pages always
// come from the network; only when the network is gone does a navigation get the offline page.
"use strict";
const OFFLINE = "/offline";
const FILES = ["/*FILES*/"];
const CACHE = "rekindle-/*VERSION*/";

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll([OFFLINE, ...FILES])).then(() => self.skipWaiting()));
});

// A new version's cache replaces every older one.
self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key !== CACHE) await caches.delete(key);
    }
    if (self.registration.navigationPreload) await self.registration.navigationPreload.enable();
    await self.clients.claim();
  })());
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  if (request.mode === "navigate") {
    event.respondWith((async () => {
      try {
        return (await event.preloadResponse) || (await fetch(request));
      } catch {
        return (await caches.match(OFFLINE, { cacheName: CACHE })) || Response.error();
      }
    })());
    return;
  }
  // The offline page's own files: from the network (so never stale), the kept copy when offline.
  const url = new URL(request.url);
  if (url.origin === self.location.origin && FILES.includes(url.pathname)) {
    event.respondWith(fetch(request).catch(async () => (await caches.match(url.pathname, { cacheName: CACHE })) || Response.error()));
  }
});

// Web Push (docs/decisions/0034). A notification says only that something is waiting; the payload
// carries that fixed line and a path on this site, nothing else, and a click opens that path here.
const WAITING = "Something is waiting for you in Rekindle.";

function samePath(path) {
  return typeof path === "string" && path.startsWith("/") && !path.startsWith("//") && !path.includes("\\") ? path : "/";
}

self.addEventListener("push", (event) => {
  let data = {};
  try {
    data = event.data ? event.data.json() : {};
  } catch {
    data = {};
  }
  const title = typeof data.title === "string" ? data.title : "Rekindle";
  const body = typeof data.body === "string" ? data.body : WAITING;
  event.waitUntil(self.registration.showNotification(title, {
    body,
    icon: "/icons/icon-192.png",
    tag: "rekindle-waiting",
    data: { path: samePath(data.path) },
  }));
});

// Focus a Rekindle window already open (and take it to the path), or open one.
self.rekindleOpen = async (path) => {
  const url = new URL(samePath(path), self.location.origin).href;
  const windows = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
  for (const client of windows) {
    if (new URL(client.url).origin !== self.location.origin) continue;
    const opened = "navigate" in client ? await client.navigate(url).catch(() => null) : null;
    await (opened || client).focus().catch(() => null);
    return opened || client;
  }
  return self.clients.openWindow(url);
};

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  event.waitUntil(self.rekindleOpen(event.notification.data && event.notification.data.path));
});
