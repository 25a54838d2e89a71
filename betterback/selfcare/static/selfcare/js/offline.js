// The patient app without a connection. Registers the service worker (sw.js keeps copies of the
// check-in and flare-up pages), keeps a check-in or flare-up note on the device when it cannot
// be sent, and sends what waits to /me/sync/ when the connection is back. Each entry carries the
// key the form had and the time it was made, so sending it again stores it once.
// Without this script (or without fetch or localStorage) the forms post as they always did.
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !window.fetch || !window.JSON || !window.Promise) {
    return;
  }
  var store = null;
  try {
    store = window.localStorage;
    store.getItem("betterback-user");
  } catch (error) {
    store = null;
  }
  var PREFIX = "betterback-";
  var QUEUE = PREFIX + "queue-" + attribute("user");
  var REQUIRED = { check_in: "confidence", flare_note: "tried" };
  var box = document.getElementById("offline-status");
  var note = ""; // said above the list of what waits, until the next change
  var syncing = null;

  function attribute(name) {
    return script.getAttribute("data-" + name) || "";
  }

  function each(list, callback) {
    Array.prototype.forEach.call(list, callback);
  }

  function load() {
    try {
      var queue = JSON.parse(store.getItem(QUEUE) || "[]");
      return Array.isArray(queue) ? queue : [];
    } catch (error) {
      return [];
    }
  }

  function save(queue) {
    if (queue.length) {
      store.setItem(QUEUE, JSON.stringify(queue));
    } else {
      store.removeItem(QUEUE);
    }
  }

  function waiting(queue) {
    return queue.filter(function (entry) {
      return !entry.refused;
    });
  }

  function uuid4() {
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    var hex = "";
    for (var i = 0; i < 16; i += 1) {
      hex += (bytes[i] + 0x100).toString(16).slice(1) + ([3, 5, 7, 9].indexOf(i) !== -1 ? "-" : "");
    }
    return hex;
  }

  function pad(number, width) {
    var text = String(number);
    while (text.length < (width || 2)) {
      text = "0" + text;
    }
    return text;
  }

  // ISO 8601 in the device's own time, with its offset: 2026-05-12T14:05:09.123+02:00
  function localTime(date) {
    var offset = -date.getTimezoneOffset();
    var sign = offset < 0 ? "-" : "+";
    offset = Math.abs(offset);
    return (
      date.getFullYear() + "-" + pad(date.getMonth() + 1) + "-" + pad(date.getDate()) +
      "T" + pad(date.getHours()) + ":" + pad(date.getMinutes()) + ":" + pad(date.getSeconds()) +
      "." + pad(date.getMilliseconds(), 3) + sign + pad(Math.floor(offset / 60)) + ":" +
      pad(offset % 60)
    );
  }

  function value(form, name) {
    var found = "";
    each(form.elements, function (field) {
      if (field.name === name && !field.disabled &&
          ((field.type !== "radio" && field.type !== "checkbox") || field.checked)) {
        found = field.value;
      }
    });
    return found;
  }

  function number(text) {
    text = String(text).trim();
    if (text === "") {
      return null;
    }
    return /^\d+$/.test(text) ? parseInt(text, 10) : text; // the server refuses what is not
  }

  // The entry's data in the shape services.sync() takes.
  function collect(form, kind) {
    if (kind === "flare_note") {
      return { tried: value(form, "tried"), helped: value(form, "helped") };
    }
    var actions = {};
    each(form.elements, function (field) {
      var match = /^(?:status|amount)-(.+)$/.exec(field.name || "");
      if (match && !actions[match[1]]) {
        actions[match[1]] = {
          status: value(form, "status-" + match[1]),
          amount: number(value(form, "amount-" + match[1])),
        };
      }
    });
    return {
      actions: actions,
      confidence: number(value(form, "confidence")),
      pain: number(value(form, "pain")),
      sleep: number(value(form, "sleep")),
      mood: number(value(form, "mood")),
      note: value(form, "note"),
    };
  }

  function freshKey(form) {
    var input = form.querySelector('input[name="key"]');
    if (input) {
      input.value = uuid4();
    }
  }

  function when(entry) {
    var date = new Date(entry.made_at);
    try {
      return date.toLocaleString(document.documentElement.lang || undefined, {
        day: "numeric",
        month: "short",
        hour: "2-digit",
        minute: "2-digit",
      });
    } catch (error) {
      return date.toLocaleString();
    }
  }

  function add(parent, tag, text) {
    var element = document.createElement(tag);
    if (text) {
      element.textContent = text;
    }
    parent.appendChild(element);
    return element;
  }

  function problemText(problems) {
    var texts = [];
    Object.keys(problems || {}).forEach(function (name) {
      var text = attribute("problem-" + problems[name]) || attribute("problem-invalid");
      if (texts.indexOf(text) === -1) {
        texts.push(text);
      }
    });
    return texts.join(" ");
  }

  function render() {
    if (!box) {
      return;
    }
    var queue = load();
    var ready = waiting(queue);
    var refused = queue.filter(function (entry) {
      return entry.refused;
    });
    box.textContent = "";
    if (note) {
      add(box, "p", note);
    }
    if (ready.length) {
      add(
        box,
        "p",
        ready.length === 1
          ? box.getAttribute("data-waiting-one")
          : box.getAttribute("data-waiting-many").replace("%(count)s", ready.length)
      );
      var list = add(box, "ul");
      ready.forEach(function (entry) {
        add(list, "li", attribute("kind-" + entry.kind) + ", " + when(entry));
      });
    }
    if (refused.length) {
      add(box, "p", attribute("refused"));
      var refusedList = add(box, "ul");
      refused.forEach(function (entry) {
        var item = add(
          refusedList,
          "li",
          attribute("kind-" + entry.kind) + ", " + when(entry) + ": " + problemText(entry.refused) + " "
        );
        var button = add(item, "button", attribute("remove"));
        button.type = "button";
        button.className = "button button-secondary bb-small";
        button.setAttribute("data-remove-key", entry.key);
      });
    }
    box.hidden = !box.firstChild;
  }

  function show() {
    if (box && !box.hidden) {
      box.setAttribute("tabindex", "-1");
      box.focus();
    }
  }

  function labelOf(field) {
    var fieldset = field.closest("fieldset");
    var label = fieldset
      ? fieldset.querySelector("legend")
      : field.form.querySelector('label[for="' + field.id + '"]');
    return label ? label.textContent.trim() : "";
  }

  // Keep the entry on the device: the form's key, the time it was made, the answers.
  function keep(form, kind, madeAt) {
    var required = form.querySelector('[name="' + REQUIRED[kind] + '"]');
    if (required && !String(value(form, REQUIRED[kind])).trim()) {
      note = labelOf(required) + ": " + attribute("problem-required");
      render();
      required.focus();
      return;
    }
    var queue = load();
    var key = value(form, "key");
    queue.push({ kind: kind, key: key, made_at: localTime(madeAt), data: collect(form, kind) });
    try {
      save(queue);
    } catch (error) {
      return; // the device is full: the form keeps what was written
    }
    form.reset();
    freshKey(form);
    note = box ? box.getAttribute("data-saved-offline") : "";
    render();
    show();
  }

  function csrfToken() {
    var input = document.querySelector('input[name="csrfmiddlewaretoken"]');
    return input ? input.value : "";
  }

  // Send what waits (at most 100 entries a time, as the server takes). Stored and already stored
  // entries leave the queue; refused ones stay, with the problems, until the patient removes them.
  function sync() {
    if (syncing) {
      return syncing;
    }
    var sending = waiting(load()).slice(0, 100);
    if (!sending.length || navigator.onLine === false || !csrfToken()) {
      return Promise.resolve();
    }
    syncing = fetch(attribute("sync"), {
      method: "POST",
      credentials: "same-origin",
      redirect: "manual",
      headers: { "Content-Type": "application/json", "X-CSRFToken": csrfToken() },
      body: JSON.stringify({ entries: sending }),
    })
      .then(function (response) {
        if (!response.ok) {
          throw new Error("sync " + response.status);
        }
        return response.json();
      })
      .then(function (answer) {
        var results = {};
        (answer.results || []).forEach(function (result) {
          results[result.key] = result;
        });
        var sent = 0;
        var left = load().filter(function (entry) {
          var result = results[entry.key];
          if (!result) {
            return true;
          }
          if (result.status === "stored" || result.status === "already_stored") {
            sent += 1;
            return false;
          }
          entry.refused = result.problems || { entry: "invalid" };
          return true;
        });
        save(left);
        syncing = null;
        var more = waiting(left).length;
        if (sent) {
          note = more ? "" : attribute("sent");
        }
        render();
        return sent && more ? sync() : null;
      })
      .catch(function () {
        syncing = null; // offline again, logged out or a server error: the queue stays
      });
    return syncing;
  }

  function forgetCaches() {
    if (!window.caches) {
      return Promise.resolve();
    }
    return caches.keys().then(function (names) {
      return Promise.all(
        names
          .filter(function (name) {
            return name.indexOf(PREFIX) === 0;
          })
          .map(function (name) {
            return caches.delete(name);
          })
      );
    });
  }

  function forgetAll() {
    var keys = [];
    for (var i = 0; i < store.length; i += 1) {
      keys.push(store.key(i));
    }
    keys.forEach(function (key) {
      if (key && key.indexOf(PREFIX) === 0) {
        store.removeItem(key);
      }
    });
    return forgetCaches();
  }

  function later(milliseconds) {
    return new Promise(function (resolve) {
      window.setTimeout(resolve, milliseconds);
    });
  }

  // Online: post the form as usual, but through fetch, so that a lost connection keeps the entry
  // instead of showing the browser's error page. Offline: keep it at once.
  function submitEntry(event, form, kind) {
    event.preventDefault();
    if (form.getAttribute("data-sending")) {
      return;
    }
    var madeAt = new Date();
    if (navigator.onLine === false) {
      keep(form, kind, madeAt);
      return;
    }
    form.setAttribute("data-sending", "1");
    var options = {
      method: "POST",
      body: new FormData(form),
      credentials: "same-origin",
      redirect: "manual", // a redirect means the server stored the entry
    };
    var controller = window.AbortController ? new AbortController() : null;
    if (controller) {
      options.signal = controller.signal;
      window.setTimeout(function () {
        controller.abort();
      }, 20000);
    }
    fetch(form.action, options).then(
      function (response) {
        if (response.type === "opaqueredirect") {
          window.location.assign(attribute("done-" + kind) || window.location.href);
        } else {
          // The server's own page (a problem with the answers, say). Posting again shows it;
          // the key makes sure nothing is stored twice.
          form.submit();
        }
      },
      function () {
        form.removeAttribute("data-sending");
        keep(form, kind, madeAt);
      }
    );
  }

  // Logging out leaves nothing behind: what waits is sent if it can be, then forgotten, and the
  // kept pages are deleted. (The logout response also asks the browser to clear the site's data.)
  function logOut(event, form) {
    event.preventDefault();
    var gone = false;
    function go() {
      if (!gone) {
        gone = true;
        form.submit();
      }
    }
    var send = navigator.onLine === false ? Promise.resolve() : sync();
    Promise.race([send, later(3000)])
      .then(forgetAll)
      .then(go, go);
    window.setTimeout(go, 5000);
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!store || !form || !form.getAttribute) {
      return;
    }
    var kind = form.getAttribute("data-offline-kind");
    if (kind) {
      submitEntry(event, form, kind);
    } else if (form.getAttribute("action") === attribute("logout")) {
      logOut(event, form);
    }
  });

  function staticFiles() {
    var prefix = attribute("static");
    var files = [];
    function consider(address) {
      var url = new URL(address, window.location.href);
      if (url.origin === window.location.origin && url.pathname.indexOf(prefix) === 0 &&
          files.indexOf(url.pathname) === -1) {
        files.push(url.pathname);
      }
    }
    if (window.performance && performance.getEntriesByType) {
      each(performance.getEntriesByType("resource"), function (entry) {
        consider(entry.name);
      });
    }
    each(document.querySelectorAll("link[href]"), function (link) {
      consider(link.href);
    });
    each(document.querySelectorAll("script[src], img[src]"), function (element) {
      consider(element.src);
    });
    return files;
  }

  // The service worker keeps this page's static files (the fonts too, once loaded) and the
  // two pages. A different patient on this device first deletes what the last one left.
  function register() {
    if (!("serviceWorker" in navigator)) {
      return;
    }
    var last = store.getItem(PREFIX + "user");
    store.setItem(PREFIX + "user", attribute("user"));
    var ready = last !== null && last !== attribute("user") ? forgetCaches() : Promise.resolve();
    var loaded = new Promise(function (resolve) {
      if (document.readyState === "complete") {
        resolve();
      } else {
        window.addEventListener("load", resolve);
      }
    }).then(function () {
      return document.fonts ? document.fonts.ready : null;
    });
    ready
      .then(function () {
        return navigator.serviceWorker.register(attribute("sw"), { scope: "/" });
      })
      .then(function () {
        return Promise.all([navigator.serviceWorker.ready, loaded]);
      })
      .then(function (both) {
        if (both[0].active) {
          both[0].active.postMessage({ type: "keep", files: staticFiles() });
        }
      })
      .catch(function () {});
  }

  if (!store) {
    return;
  }
  // A page kept by the service worker may show a key that was used already: every page load
  // gets its own.
  each(document.querySelectorAll("form[data-offline-kind]"), freshKey);
  if (box) {
    box.addEventListener("click", function (event) {
      var key = event.target.getAttribute("data-remove-key");
      if (key) {
        save(
          load().filter(function (entry) {
            return entry.key !== key;
          })
        );
        note = "";
        render();
        show();
      }
    });
  }
  window.addEventListener("online", sync);
  // The browser may think it is online while posts fail (a weak signal): try again now and then.
  window.setInterval(function () {
    if (waiting(load()).length) {
      sync();
    }
  }, 60000);
  window.addEventListener("storage", function (event) {
    if (event.key === QUEUE) {
      render();
    }
  });
  render();
  register();
  sync();
})();
