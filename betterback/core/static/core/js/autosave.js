// Saves a worksheet while the person writes, so a reload, a closed tab or a lost connection
// loses at most the last second or two. Without this script the Save button does the same job.
(function () {
  "use strict";
  var form = document.querySelector("form[data-autosave]");
  var status = document.getElementById("autosave-status");
  if (!form || !status || !window.fetch || !window.FormData) {
    return;
  }
  var timer = null;
  var busy = false;
  var again = false;
  var stopped = false;

  function say(text) {
    status.textContent = text;
  }

  function schedule(delay) {
    if (stopped) {
      return;
    }
    window.clearTimeout(timer);
    say(form.getAttribute("data-pending"));
    timer = window.setTimeout(save, delay);
  }

  function giveKeys(keys) {
    Object.keys(keys).forEach(function (list) {
      keys[list].forEach(function (key, row) {
        var input = form.querySelector('input[name="' + list + "-" + row + '-key"]');
        if (input && key) {
          input.value = key;
        }
      });
    });
  }

  function save() {
    if (busy) {
      again = true;
      return;
    }
    busy = true;
    fetch(form.getAttribute("action"), {
      method: "POST",
      body: new FormData(form),
      headers: { "X-Autosave": "1" },
      credentials: "same-origin",
    })
      .then(function (response) {
        return response.json().then(function (answer) {
          if (answer.ok) {
            form.querySelector('input[name="version"]').value = answer.version;
            giveKeys(answer.keys);
          } else if (response.status === 409) {
            stopped = true; // someone else saved: the person decides, with the Save button
          }
          say(answer.message);
        });
      })
      .catch(function () {
        say(form.getAttribute("data-offline"));
      })
      .then(function () {
        busy = false;
        if (again) {
          again = false;
          schedule(200);
        }
      });
  }

  form.addEventListener("input", function () {
    schedule(1500);
  });
  form.addEventListener("change", function () {
    schedule(300);
  });
  window.addEventListener("online", function () {
    schedule(200);
  });
})();
