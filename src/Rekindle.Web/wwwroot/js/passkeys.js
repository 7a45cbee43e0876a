// Passkeys: ask the server for options, let the browser talk to the authenticator, then post the
// credential back in the page's own form so antiforgery and redirects work as for any other form.
(function () {
  "use strict";
  // The browser knows whether this address is secure; the server's guess (shown without script) may be wrong behind a proxy.
  document.querySelectorAll("[data-insecure-origin]").forEach((note) => { note.hidden = window.isSecureContext; });
  if (!window.PublicKeyCredential || !navigator.credentials) return;

  const b64uToBuffer = (s) => {
    const b64 = s.replace(/-/g, "+").replace(/_/g, "/") + "===".slice((s.length + 3) % 4);
    return Uint8Array.from(atob(b64), (c) => c.charCodeAt(0)).buffer;
  };
  const bufferToB64u = (buf) => {
    let s = "";
    new Uint8Array(buf).forEach((b) => { s += String.fromCharCode(b); });
    return btoa(s).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  };

  // Newer browsers parse and serialise WebAuthn JSON themselves; older ones get the same by hand.
  const parseCreation = (o) => PublicKeyCredential.parseCreationOptionsFromJSON
    ? PublicKeyCredential.parseCreationOptionsFromJSON(o)
    : Object.assign({}, o, {
        challenge: b64uToBuffer(o.challenge),
        user: Object.assign({}, o.user, { id: b64uToBuffer(o.user.id) }),
        excludeCredentials: (o.excludeCredentials || []).map((c) => Object.assign({}, c, { id: b64uToBuffer(c.id) })),
      });
  const parseRequest = (o) => PublicKeyCredential.parseRequestOptionsFromJSON
    ? PublicKeyCredential.parseRequestOptionsFromJSON(o)
    : Object.assign({}, o, {
        challenge: b64uToBuffer(o.challenge),
        allowCredentials: (o.allowCredentials || []).map((c) => Object.assign({}, c, { id: b64uToBuffer(c.id) })),
      });
  const toJson = (cred) => {
    if (typeof cred.toJSON === "function") return JSON.stringify(cred.toJSON());
    const r = cred.response;
    const response = { clientDataJSON: bufferToB64u(r.clientDataJSON) };
    if (r.attestationObject) {
      response.attestationObject = bufferToB64u(r.attestationObject);
      response.transports = r.getTransports ? r.getTransports() : [];
    }
    if (r.authenticatorData) response.authenticatorData = bufferToB64u(r.authenticatorData);
    if (r.signature) response.signature = bufferToB64u(r.signature);
    if (r.userHandle) response.userHandle = bufferToB64u(r.userHandle);
    return JSON.stringify({
      id: cred.id, rawId: bufferToB64u(cred.rawId), type: cred.type,
      authenticatorAttachment: cred.authenticatorAttachment || null,
      clientExtensionResults: cred.getClientExtensionResults(), response,
    });
  };

  const fetchOptions = async (url, form, extra) => {
    const body = new FormData();
    body.append("__RequestVerificationToken", form.querySelector("input[name=__RequestVerificationToken]").value);
    Object.entries(extra || {}).forEach(([k, v]) => body.append(k, v));
    const res = await fetch(url, { method: "POST", body, credentials: "same-origin" });
    if (!res.ok) throw new Error("options " + res.status);
    return res.json();
  };

  document.querySelectorAll("form[data-passkey=add], form[data-passkey=sign-in]").forEach((form) => {
    const mode = form.dataset.passkey;
    const button = form.querySelector("[data-passkey-start]");
    const error = form.querySelector("[data-passkey-error]");
    form.hidden = false;
    button.addEventListener("click", async () => {
      if (error) error.hidden = true;
      button.disabled = true;
      try {
        let credential;
        if (mode === "add") {
          const options = await fetchOptions("/account/passkey/creation-options", form);
          credential = await navigator.credentials.create({ publicKey: parseCreation(options) });
        } else {
          const options = await fetchOptions("/account/passkey/request-options", form);
          credential = await navigator.credentials.get({ publicKey: parseRequest(options) });
        }
        form.querySelector("input[name$=redential]").value = toJson(credential);
        form.submit();
      } catch (e) {
        if (error) error.hidden = false;
        button.disabled = false;
      }
    });
  });
})();
