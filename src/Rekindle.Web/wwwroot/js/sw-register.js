// Registers the service worker (/sw.js), which shows the offline page when there is no connection.
// Every page works the same without it.
if ("serviceWorker" in navigator) {
  window.addEventListener("load", function () {
    navigator.serviceWorker.register("/sw.js").catch(function () { /* not installable here: nothing lost */ });
  });
}
