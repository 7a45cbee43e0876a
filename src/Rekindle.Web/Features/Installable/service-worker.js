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
