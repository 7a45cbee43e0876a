// Quick exit: the button, or Shift pressed three times within a second and a half. location.replace
// swaps the current history entry, so Back does not lead here again.
(function () {
  "use strict";
  var link = document.getElementById("quick-exit");
  if (!link) return;
  var leave = function (event) {
    if (event) event.preventDefault();
    try { sessionStorage.clear(); localStorage.clear(); } catch (e) { /* storage may be off */ }
    document.body.style.visibility = "hidden";
    window.location.replace(link.href);
  };
  link.addEventListener("click", leave);
  var presses = [];
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Shift" || event.repeat) return;
    var now = Date.now();
    presses = presses.filter(function (t) { return now - t < 1500; });
    presses.push(now);
    if (presses.length >= 3) leave();
  });
})();
