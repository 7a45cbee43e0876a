// The invite card's Copy and Share buttons. They stay hidden where the browser cannot do them; without
// script the link is plain text to select. Nothing is sent anywhere but the browser's own share sheet.
(function () {
  var box = document.getElementById("invite-link");
  if (!box) return;
  var link = box.textContent.trim();
  var copy = document.getElementById("copy-invite");
  var status = document.getElementById("copy-status");
  if (copy && navigator.clipboard && navigator.clipboard.writeText) {
    copy.hidden = false;
    copy.addEventListener("click", function () {
      navigator.clipboard.writeText(link).then(
        function () { status.textContent = status.getAttribute("data-copied"); },
        function () { window.getSelection().selectAllChildren(box); }
      );
    });
  }
  var share = document.getElementById("share-invite");
  if (share && typeof navigator.share === "function") {
    share.hidden = false;
    share.addEventListener("click", function () {
      navigator.share({ url: link }).catch(function () { /* closed without sharing */ });
    });
  }
})();
