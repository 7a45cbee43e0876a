// The guided conversation without reloads: a countdown for the speaker, and a quiet check every few
// seconds for a step taken on the partner's device (only a version number comes back). Without
// this script the page works the same, with a refresh link.
(function () {
  var form = document.getElementById("floor");
  if (!form) return;

  var timer = document.getElementById("timer");
  if (timer) {
    // Counted from the page's arrival, with the seconds the server says were already spoken,
    // so a device whose clock is off still shows the right time.
    var loaded = Date.now();
    var elapsed = parseInt(timer.getAttribute("data-elapsed"), 10) || 0;
    var seconds = parseInt(timer.getAttribute("data-seconds"), 10);
    var tick = function () {
      var left = Math.round(seconds - elapsed - (Date.now() - loaded) / 1000);
      timer.textContent = left > 0
        ? Math.floor(left / 60) + ":" + ("0" + (left % 60)).slice(-2)
        : "Time's up when you're ready.";
    };
    tick();
    setInterval(tick, 1000);
  }

  if (form.getAttribute("data-open") !== "yes") return;
  var version = form.getAttribute("data-version");
  setInterval(function () {
    if (document.hidden) return;
    fetch("/talk/conversation/state", { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (state) {
        if (state && String(state.version) !== version) location.replace("/talk/conversation");
      })
      .catch(function () {});
  }, 3000);
})();
