// ficaudio player: chapter list seeks the book, the transcript follows the audio.
// No network, no modules: the page must work opened from disk (file://) as well as served.
(function () {
  "use strict";
  var audio = document.getElementById("audio");
  var follow = document.getElementById("follow");
  var chapterItems = Array.prototype.slice.call(document.querySelectorAll("#chapters li[data-start-ms]"));
  var lines = Array.prototype.slice.call(document.querySelectorAll("#transcript p[data-start-ms]"));
  var lineStartsMs = lines.map(function (p) { return Number(p.dataset.startMs); });
  var chapterStartsMs = chapterItems.map(function (li) { return Number(li.dataset.startMs); });
  var currentLine = -1;
  var currentChapter = -1;

  // Index of the last entry that starts at or before ms (-1 before the first): binary search.
  function lastStartedAt(startsMs, ms) {
    var lo = 0, hi = startsMs.length - 1, found = -1;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (startsMs[mid] <= ms) { found = mid; lo = mid + 1; } else { hi = mid - 1; }
    }
    return found;
  }

  function mark(items, oldIndex, newIndex, cls) {
    if (oldIndex === newIndex) { return false; }
    if (oldIndex >= 0) { items[oldIndex].classList.remove(cls); items[oldIndex].removeAttribute("aria-current"); }
    if (newIndex >= 0) { items[newIndex].classList.add(cls); items[newIndex].setAttribute("aria-current", "true"); }
    return true;
  }

  function update() {
    var ms = audio.currentTime * 1000;
    var line = lastStartedAt(lineStartsMs, ms);
    if (mark(lines, currentLine, line, "current") && line >= 0 && follow.checked) {
      lines[line].scrollIntoView({ block: "nearest" });
    }
    currentLine = line;
    var chapter = lastStartedAt(chapterStartsMs, ms);
    mark(chapterItems, currentChapter, chapter, "current-chapter");
    currentChapter = chapter;
  }

  function seekMs(ms) {
    audio.currentTime = ms / 1000;
    update();
    var playing = audio.play();  // a click is a user gesture, so browsers allow playback
    if (playing && playing.catch) { playing.catch(function () {}); }
  }

  chapterItems.forEach(function (li) {
    li.querySelector("button").addEventListener("click", function () { seekMs(Number(li.dataset.startMs)); });
  });
  lines.forEach(function (p) {
    p.addEventListener("click", function () { seekMs(Number(p.dataset.startMs)); });
  });
  ["timeupdate", "seeking", "seeked", "loadedmetadata"].forEach(function (name) {
    audio.addEventListener(name, update);
  });

  // timeupdate fires only ~4 times a second; animation frames keep short lines in step.
  function tick() { update(); if (!audio.paused) { window.requestAnimationFrame(tick); } }
  audio.addEventListener("play", function () { window.requestAnimationFrame(tick); });

  // For tests and curious users: what the page thinks is playing.
  window.ficaudioPlayer = {
    currentLine: function () { return currentLine; },
    currentChapter: function () { return currentChapter; },
    seekMs: seekMs
  };
})();
