// Reads an article aloud with the browser's own speech synthesis, in the page's language.
// Nothing is sent anywhere: the browser (or the device) speaks. The button is rendered hidden
// and only shown here, so a browser without speech synthesis never shows a button that does
// nothing. The labels come from the button's data attributes, translated by the server.
(function () {
  "use strict";
  var synth = window.speechSynthesis;
  var Utterance = window.SpeechSynthesisUtterance;
  if (!synth || !Utterance) {
    return;
  }
  var BLOCKS = "h1, h2, h3, h4, p, li, figcaption";

  // The text of each heading, paragraph and list item, in order, one utterance each: short
  // utterances start sooner and are not cut off by browsers that stop long ones.
  function textsOf(container) {
    var texts = [];
    Array.prototype.forEach.call(container.querySelectorAll(BLOCKS), function (element) {
      var outer = element.parentElement && element.parentElement.closest(BLOCKS);
      if (outer && container.contains(outer)) {
        return; // read with the block around it
      }
      if (element.closest("[hidden], [data-read-aloud-skip]")) {
        return;
      }
      var text = element.textContent.replace(/\s+/g, " ").trim();
      if (text) {
        texts.push(text);
      }
    });
    return texts;
  }

  // A voice for the language ("da" matches "da-DK" and "da_DK"), the device's default first.
  function voiceFor(language) {
    var wanted = language.toLowerCase();
    var found = null;
    (synth.getVoices() || []).forEach(function (voice) {
      var lang = (voice.lang || "").toLowerCase().replace("_", "-");
      if (lang === wanted || lang.indexOf(wanted + "-") === 0) {
        if (!found || (voice.default && !found.default)) {
          found = voice;
        }
      }
    });
    return found;
  }

  function setUp(button) {
    var container = document.getElementById(button.getAttribute("data-read-aloud"));
    var readLabel = button.getAttribute("data-label-read");
    var stopLabel = button.getAttribute("data-label-stop");
    if (!container || !readLabel || !stopLabel) {
      return;
    }
    var speaking = false;
    var reading = 0; // counts readings, so that events from a stopped reading are ignored

    function show(isSpeaking) {
      speaking = isSpeaking;
      button.textContent = isSpeaking ? stopLabel : readLabel;
    }

    function stop() {
      reading += 1;
      synth.cancel();
      show(false);
    }

    function start() {
      var texts = textsOf(container);
      if (!texts.length) {
        return;
      }
      var language = document.documentElement.lang || "da";
      var voice = voiceFor(language);
      synth.cancel();
      reading += 1;
      var current = reading;
      texts.forEach(function (text, index) {
        var utterance = new Utterance(text);
        utterance.lang = language;
        if (voice) {
          utterance.voice = voice;
        }
        utterance.onerror = function () {
          if (current === reading) {
            stop();
          }
        };
        if (index === texts.length - 1) {
          utterance.onend = function () {
            if (current === reading) {
              show(false);
            }
          };
        }
        synth.speak(utterance);
      });
      show(true);
    }

    button.addEventListener("click", function () {
      if (speaking) {
        stop();
      } else {
        start();
      }
    });
    // Leaving the page stops the reading; some browsers would otherwise go on speaking.
    window.addEventListener("pagehide", function () {
      if (speaking) {
        stop();
      }
    });
    show(false);
    button.hidden = false;
  }

  Array.prototype.forEach.call(document.querySelectorAll("button[data-read-aloud]"), setUp);
})();
