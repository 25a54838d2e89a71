// BetterBack's service worker, served at /sw.js (scope /). It keeps the last copy of the two
// pages a patient needs offline, the check-in and the flare-up plan, and the static files they
// use. It caches nothing else: no other page, no POST, no answer from /me/sync/. The unsent
// entries themselves are kept by offline.js in localStorage, not here.
/* eslint-env serviceworker */
"use strict";

var PREFIX = "betterback-";
var CACHE = PREFIX + "offline-v1"; // a new version drops the old cache when it activates
var PAGES = ["/me/check-in/", "/me/flare-up/"];
var STATIC = "/static/";
// ManifestStaticFilesStorage names: name.0123456789ab.ext. Such a file never changes.
var HASHED = /\.[0-9a-f]{12}(\.[A-Za-z0-9]+)$/;

self.addEventListener("install", function () {
  self.skipWaiting();
});

self.addEventListener("activate", function (event) {
  event.waitUntil(
    caches
      .keys()
      .then(function (names) {
        return Promise.all(
          names
            .filter(function (name) {
              return name.indexOf(PREFIX) === 0 && name !== CACHE;
            })
            .map(function (name) {
              return caches.delete(name);
            })
        );
      })
      .then(function () {
        return self.clients.claim();
      })
  );
});

function isPage(url) {
  return url.origin === self.location.origin && PAGES.indexOf(url.pathname) !== -1;
}

function isStatic(url) {
  return url.origin === self.location.origin && url.pathname.indexOf(STATIC) === 0;
}

function storable(response) {
  return response && response.status === 200 && response.type === "basic" && !response.redirected;
}

// A hashed file replaces the older versions of the same file.
function put(cache, url, response) {
  var plain = url.pathname.replace(HASHED, "$1");
  var older = HASHED.test(url.pathname)
    ? cache.keys().then(function (requests) {
        return Promise.all(
          requests
            .filter(function (request) {
              var path = new URL(request.url).pathname;
              return path !== url.pathname && path.replace(HASHED, "$1") === plain;
            })
            .map(function (request) {
              return cache.delete(request);
            })
        );
      })
    : Promise.resolve();
  return older.then(function () {
    return cache.put(url.origin + url.pathname, response);
  });
}

function fromNetwork(event, url) {
  return fetch(event.request).then(function (response) {
    if (storable(response)) {
      var copy = response.clone();
      event.waitUntil(
        caches.open(CACHE).then(function (cache) {
          return put(cache, url, copy);
        })
      );
    }
    return response;
  });
}

function fromCache(url) {
  return caches.open(CACHE).then(function (cache) {
    return cache.match(url.origin + url.pathname, { ignoreVary: true });
  });
}

// Network first: the page as it is now, and the copy is kept; offline, the kept copy.
function networkFirst(event, url) {
  return fromNetwork(event, url).catch(function (error) {
    return fromCache(url).then(function (cached) {
      if (cached) {
        return cached;
      }
      throw error;
    });
  });
}

// Cache first for files whose name changes with their content.
function cacheFirst(event, url) {
  return fromCache(url).then(function (cached) {
    return cached || fromNetwork(event, url);
  });
}

self.addEventListener("fetch", function (event) {
  if (event.request.method !== "GET") {
    return;
  }
  var url = new URL(event.request.url);
  if (isPage(url) && event.request.mode === "navigate") {
    event.respondWith(networkFirst(event, url));
  } else if (isStatic(url)) {
    event.respondWith(
      HASHED.test(url.pathname) ? cacheFirst(event, url) : networkFirst(event, url)
    );
  }
});

// A patient page sends the static files it uses (the fonts the CSS loads among them); these and
// the two pages are fetched unless a copy is kept already (each fetch of a page is an audited
// read). A copy, once kept, is brought up to date whenever the patient opens it online.
function keep(cache, address) {
  var url = new URL(address, self.location.href);
  if (!isPage(url) && !isStatic(url)) {
    return Promise.resolve();
  }
  return cache.match(url.origin + url.pathname, { ignoreVary: true }).then(function (kept) {
    if (kept) {
      return null;
    }
    return fetch(url.href, { credentials: "same-origin", redirect: "manual" }).then(
      function (response) {
        return storable(response) ? put(cache, url, response) : null;
      },
      function () {
        return null;
      }
    );
  });
}

self.addEventListener("message", function (event) {
  var data = event.data || {};
  if (data.type === "keep") {
    event.waitUntil(
      caches.open(CACHE).then(function (cache) {
        return Promise.all(
          PAGES.concat(data.files || []).map(function (address) {
            return keep(cache, address);
          })
        );
      })
    );
  }
});
