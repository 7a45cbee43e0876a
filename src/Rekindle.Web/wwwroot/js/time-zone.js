// The device's own time zone (decisions/0035). Fills the hidden "device zone" fields of the sign-up and sign-in forms,
// and suggests it on the reminders page while the saved one is still the default. Nothing is sent until a form is.
(function () {
  if (!window.Intl) return;
  var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (!zone) return;
  var fields = document.querySelectorAll("input[data-device-zone]");
  for (var f = 0; f < fields.length; f++) fields[f].value = zone;
  var select = document.getElementById("time-zone");
  if (!select || select.getAttribute("data-current") !== "UTC") return;
  for (var i = 0; i < select.options.length; i++) {
    if (select.options[i].value === zone) { select.value = zone; return; }
  }
})();
