// "Notify this device" (docs/decisions/0034). On the notifications page: asks the browser for a push
// subscription with the instance's public key and posts it with the page's own form. On home: shows the
// one kind question, once; "Not now" is remembered on this device and never asked again.
(function () {
  "use strict";
  var supported = "serviceWorker" in navigator && "PushManager" in window && "Notification" in window;
  var ASKED = "rekindle-push-asked";

  var ask = document.getElementById("push-ask");
  if (ask) {
    var asked = false;
    try { asked = localStorage.getItem(ASKED) === "1"; } catch (e) { asked = true; }
    if (supported && Notification.permission === "default" && !asked) ask.hidden = false;
    var later = document.getElementById("push-ask-later");
    if (later) later.addEventListener("click", function () {
      try { localStorage.setItem(ASKED, "1"); } catch (e) { /* private mode: hidden for now anyway */ }
      ask.hidden = true;
    });
    ask.querySelector("a").addEventListener("click", function () {
      try { localStorage.setItem(ASKED, "1"); } catch (e) { /* nothing to keep */ }
    });
  }

  var form = document.getElementById("push-subscribe");
  if (!form) return;
  var noScript = document.getElementById("push-no-script");
  if (noScript) noScript.hidden = true;
  if (!supported) {
    document.getElementById("push-unsupported").hidden = false;
    return;
  }
  var button = document.getElementById("push-button");
  var problem = document.getElementById("push-problem");
  button.hidden = false;

  function fromBase64Url(text) {
    var base64 = text.replace(/-/g, "+").replace(/_/g, "/");
    var raw = atob(base64 + "===".slice((base64.length + 3) % 4));
    var bytes = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
    return bytes;
  }

  function show(message) {
    problem.textContent = message;
    problem.hidden = false;
    button.disabled = false;
  }

  form.addEventListener("submit", function (event) {
    if (form.elements.endpoint.value) return; // filled in below: the real post
    event.preventDefault();
    button.disabled = true;
    try { localStorage.setItem(ASKED, "1"); } catch (e) { /* nothing to keep */ }
    Notification.requestPermission().then(function (permission) {
      if (permission !== "granted") return show(form.dataset.blocked);
      return navigator.serviceWorker.register("/sw.js")
        .then(function () { return navigator.serviceWorker.ready; })
        .then(function (registration) {
          return registration.pushManager.getSubscription().then(function (existing) {
            return existing || registration.pushManager.subscribe({
              userVisibleOnly: true,
              applicationServerKey: fromBase64Url(form.dataset.key)
            });
          });
        })
        .then(function (subscription) {
          var json = subscription.toJSON();
          form.elements.endpoint.value = json.endpoint;
          form.elements.p256dh.value = json.keys.p256dh;
          form.elements.auth.value = json.keys.auth;
          form.submit();
        });
    }).catch(function () { show(form.dataset.failed); });
  });
})();
