// Autosave for the capability page. Without this script the page is a plain
// form that saves on submit; with it, each indicator and the phase fieldset
// save on change, and the state (saving / saved / failed) is announced.
(function () {
  "use strict";
  var form = document.querySelector("form[data-autosave=on]");
  if (!form) return;
  var csrf = form.querySelector("input[name=_csrf]").value;
  var pending = new Map();
  // The status texts come translated from the page (data-msg-* on the form,
  // with {time} and {reason} to fill in), so the script needs no catalogue;
  // the English ones are the fallback for forms that do not carry them.
  var msg = {
    saving: form.dataset.msgSaving || "Saving…",
    saved: form.dataset.msgSaved || "Saved at {time}",
    failed: form.dataset.msgFailed || "Not saved: {reason}",
    offline: form.dataset.msgOffline || "Could not reach the server. Your change is not saved; check the connection and try again.",
    signedOut: form.dataset.msgSignedOut || "Your session has ended. Copy your text, sign in again in another tab, then save."
  };
  var lang = document.documentElement.lang || undefined;
  function fill(text, key, value) { return text.split("{" + key + "}").join(value); }

  function state(fs, s, text) {
    var el = fs.querySelector(".save-state");
    el.dataset.state = s;
    el.textContent = text;
  }

  function body(fs) {
    var data = new URLSearchParams();
    fs.querySelectorAll("input, select, textarea").forEach(function (el) {
      if (!el.name || ((el.type === "radio" || el.type === "checkbox") && !el.checked)) return;
      data.append(el.name, el.value);
    });
    return data;
  }

  function save(fs) {
    var key = fs.dataset.indicator;
    var url = key ? form.dataset.indicatorAction + encodeURIComponent(key) : form.action;
    state(fs, "saving", msg.saving);
    return fetch(url, {
      method: "POST",
      headers: { "Accept": "application/json", "X-CSRF-Token": csrf, "Content-Type": "application/x-www-form-urlencoded" },
      body: body(fs), credentials: "same-origin"
    }).then(function (res) {
      return res.json().catch(function () { return {}; }).then(function (json) {
        if (!res.ok) throw { status: res.status, json: json };
        update(json);
        state(fs, "saved", fill(msg.saved, "time", new Date().toLocaleTimeString(lang)));
      });
    }).catch(function (err) {
      var reason = err && err.json && err.json.error ? err.json.error : msg.offline;
      if (err && err.status === 401) reason = msg.signedOut;
      state(fs, "failed", fill(msg.failed, "reason", reason));
    });
  }

  // update applies the server's view of the capability: new versions, the
  // suggested phase.
  function update(cap) {
    if (!cap || !cap.indicators) return;
    cap.indicators.forEach(function (ind) {
      var v = form.querySelector("input[name='version." + ind.key + "']");
      if (v) v.value = ind.version;
    });
    var cv = form.querySelector("input[name=cap_version]");
    if (cv) cv.value = cap.version;
    var sp = document.getElementById("suggested-phase");
    var opt = form.querySelector("#confirmed_phase option[value='" + cap.suggested_phase + "']");
    if (sp && opt) { sp.dataset.phase = cap.suggested_phase; sp.textContent = opt.textContent; }
  }

  function schedule(fs, delay) {
    clearTimeout(pending.get(fs));
    pending.set(fs, setTimeout(function () { pending.delete(fs); save(fs); }, delay));
  }

  form.querySelectorAll("fieldset.indicator, fieldset[data-judgement]").forEach(function (fs) {
    fs.addEventListener("change", function () { schedule(fs, 0); });
    fs.addEventListener("input", function (e) { if (e.target.tagName === "TEXTAREA" || e.target.type === "text") schedule(fs, 1500); });
  });

  window.addEventListener("beforeunload", function (e) {
    var unsaved = pending.size > 0 || form.querySelector(".save-state[data-state=saving], .save-state[data-state=failed]");
    if (unsaved) { e.preventDefault(); e.returnValue = ""; }
  });
})();

// Print buttons (the report): a button, not an inline handler, for the CSP.
document.querySelectorAll("[data-print]").forEach(function (b) {
  b.addEventListener("click", function () { window.print(); });
});

// The language menu applies on choice; its button stays for keyboards and
// browsers without JavaScript.
document.querySelectorAll("select[data-autosubmit]").forEach(function (s) {
  s.addEventListener("change", function () { s.form.submit(); });
});
