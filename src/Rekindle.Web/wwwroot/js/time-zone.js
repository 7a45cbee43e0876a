// Suggests this device's time zone on the reminders page while the saved one is still the default.
// Nothing is sent until the member presses Save.
(function () {
  var select = document.getElementById("time-zone");
  if (!select || select.getAttribute("data-current") !== "UTC" || !window.Intl) return;
  var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  for (var i = 0; i < select.options.length; i++) {
    if (select.options[i].value === zone) { select.value = zone; return; }
  }
})();
