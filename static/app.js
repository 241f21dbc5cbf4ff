// MNR Self-Assessment's only script; every page works without it.
(function () {
  "use strict";
  var PREFIX = "mnr-autosave:";
  var user = document.body.dataset.user;
  var ls = null;
  try { ls = window.localStorage; } catch (e) { /* storage disabled: no queue across reloads */ }

  // Queued changes belong to one person: removed at sign-out, and those of
  // anyone else who used this browser are dropped when someone signs in.
  function purge(keep) {
    for (var i = ls ? ls.length - 1 : -1; i >= 0; i--) {
      var k = ls.key(i);
      if (k && k.indexOf(PREFIX) === 0 && (!keep || k.indexOf(PREFIX + keep + ":") !== 0)) ls.removeItem(k);
    }
  }
  if (user) purge(user);
  document.querySelectorAll("form.signout").forEach(function (f) {
    f.addEventListener("submit", function () { purge(); });
  });

  // Print buttons (the report): a button, not an inline handler, for the CSP.
  document.querySelectorAll("[data-print]").forEach(function (b) {
    b.addEventListener("click", function () { window.print(); });
  });

  // The language menu changes on its button or on Enter, never while
  // someone browses the options with the arrow keys.
  document.querySelectorAll("select[data-enter-submits]").forEach(function (s) {
    s.addEventListener("keydown", function (e) {
      if (e.key === "Enter") { e.preventDefault(); if (s.form.requestSubmit) s.form.requestSubmit(); else s.form.submit(); }
    });
  });

  var form = document.querySelector("form[data-autosave=on]");
  if (!form || !user) return;
  autosave(form, PREFIX + user + ":" + form.getAttribute("action"));

  // Autosave of a questionnaire page. Each indicator's fieldset and the
  // phase block is a unit that saves as people answer:
  // - at most one save in flight per unit; what changes meanwhile goes in
  //   the next save, with the version the last success returned;
  // - each save sends base.<field>, the value each changed field started
  //   from, so the server merges over other people's changes to other
  //   fields and answers 409 only when the same field changed;
  // - unsaved changes are queued in localStorage under key and retried with
  //   backoff (and when the browser is back online); a reload puts them
  //   back into the inputs and sends them.
  function autosave(form, key) {
    var text = document.getElementById("autosave-text").dataset;
    var live = document.getElementById("autosave-live");
    var panel = document.getElementById("autosave-conflict");
    var csrf = form.querySelector("input[name=_csrf]").value;
    var lang = (document.documentElement.lang || "en") + "-u-nu-latn";
    var units = [], said = "", leaving = false;

    function fill(s, k, v) { return s.split("{" + k + "}").join(v); }
    function norm(f, v) {
      v = String(v == null ? "" : v).replace(/\r\n/g, "\n").trim();
      return f === "links" ? v.split("\n").map(function (l) { return l.trim(); }).filter(Boolean).join("\n") : v;
    }
    function phase(p) { return p == null ? "" : String(p); }

    function unit(fs) {
      var ind = fs.dataset.indicator || "", sfx = ind ? "." + ind : "";
      var u = { fs: fs, ind: ind, sfx: sfx, inputs: {}, base: {}, tries: 0, status: fs.querySelector(".save-state"),
        url: ind ? form.dataset.indicatorAction + encodeURIComponent(ind) : form.getAttribute("action"),
        ver: form.elements[ind ? "version." + ind : "cap_version"] };
      fs.querySelectorAll("input, select, textarea").forEach(function (el) {
        if (!el.name || el.type === "hidden" || el.form !== form) return; // evidence files have forms of their own
        var f = el.name.slice(0, el.name.length - sfx.length);
        (u.inputs[f] = u.inputs[f] || []).push(el);
      });
      u.version = +u.ver.defaultValue;
      // What the inputs started from: the page's base.* fields, else the
      // markup's own values (never what the browser restored).
      for (var f in u.inputs) {
        var b = form.elements["base." + f + sfx];
        u.base[f] = norm(f, b ? b.defaultValue : initial(u.inputs[f]));
      }
      var box = fs.querySelector(".conflict");
      if (box) { // a conflict shown by the server (a form saved without the script)
        var names = form.elements["conflict." + (ind || "phases")];
        u.conflict = { v: u.version, cur: Object.assign({}, u.base), fields: names ? names.value.split(" ") : [] };
        listen(u, box);
      }
      return u;
    }
    function initial(els) {
      var v = "";
      els.forEach(function (el) {
        if (el.type === "radio") { if (el.defaultChecked) v = el.value; }
        else if (el.tagName === "SELECT") { for (var i = 0; i < el.options.length; i++) if (el.options[i].defaultSelected) v = el.options[i].value; }
        else v = el.defaultValue;
      });
      return v;
    }
    function read(u, f) {
      var v = "";
      u.inputs[f].forEach(function (el) { if (el.type !== "radio" || el.checked) v = el.value; });
      return norm(f, v);
    }
    function write(u, f, v) {
      u.inputs[f].forEach(function (el) { if (el.type === "radio") el.checked = el.value === v; else el.value = v; });
    }
    function values(u) { var o = {}; for (var f in u.inputs) o[f] = read(u, f); return o; }
    function changed(u, v) { return Object.keys(u.inputs).filter(function (f) { return v[f] !== u.base[f]; }); }
    // sync keeps the hidden version and base fields in step, so the Save
    // button (the whole form) sends what this script knows.
    function sync(u) {
      u.ver.value = u.version;
      for (var f in u.inputs) { var b = form.elements["base." + f + u.sfx]; if (b) b.value = u.base[f]; }
    }
    // fields reads the server's view of a unit: an indicator of the
    // capability JSON, a 409's "current", or the capability's phases.
    function fields(u, o) {
      if (u.ind) return { answer: o.answer, evidence: o.evidence, links: (o.links || []).join("\n"), note: o.note };
      return { confirmed_phase: phase("chosen_phase" in o ? o.chosen_phase : o.confirmed_phase), justification: o.justification,
        target_phase: phase(o.target_phase), priority: o.priority, lead: o.lead };
    }

    function show(u, state, msg) {
      u.status.dataset.state = state;
      u.status.textContent = msg;
      if (state !== "saving" && msg && msg !== said) live.textContent = said = msg; // announced once
      reveal(u.status);
    }
    // place puts the status right after the control that changed.
    function place(u, el) {
      var at = el.closest(".answers, .field") || el;
      if (at.nextElementSibling !== u.status) at.parentNode.insertBefore(u.status, at.nextSibling);
      reveal(u.status);
    }
    // reveal scrolls what is under the sticky Save bar just above it.
    function reveal(el) {
      var bar = form.querySelector(".form-actions"), r = el.getBoundingClientRect();
      var limit = bar ? Math.min(innerHeight, bar.getBoundingClientRect().top) : innerHeight;
      if (r.bottom > limit && r.top < innerHeight) window.scrollBy(0, r.bottom - limit + 8);
    }

    function store() {
      if (!ls) return;
      var q = {}, any = false;
      units.forEach(function (u) {
        var v = values(u);
        if (changed(u, v).length) { q[u.fs.id] = { v: u.version, b: u.base, m: v }; any = true; }
      });
      try { if (any) ls.setItem(key, JSON.stringify(q)); else ls.removeItem(key); } catch (e) { /* full: the page still saves */ }
    }

    function suggestion() { var s = document.getElementById("suggested-phase"); return s ? s.dataset.phase : ""; }
    // held: a phase other than the suggestion waits for its justification.
    function held(u, v) { return !u.ind && v.confirmed_phase !== "" && v.confirmed_phase !== suggestion() && !v.justification; }
    function prompt() {
      var p = document.getElementById("justification-prompt"), ta = document.getElementById("justification");
      if (!p) return;
      var c = document.getElementById("confirmed_phase").value;
      p.hidden = !(c !== "" && c !== suggestion());
      if (ta.value.trim()) {
        var er = document.getElementById("justification-error");
        if (er) er.remove();
        ta.removeAttribute("aria-invalid");
      }
      if (!document.getElementById("justification-error")) {
        if (p.hidden) ta.removeAttribute("aria-describedby"); else ta.setAttribute("aria-describedby", p.id);
      }
    }

    function schedule(u, delay) {
      clearTimeout(u.timer);
      u.timer = setTimeout(function () { send(u); }, delay);
    }

    function send(u) {
      clearTimeout(u.timer);
      if (u.busy || u.conflict) return;
      var v = values(u), ch = changed(u, v);
      if (!ch.length) { if (u.status.dataset.state === "waiting") show(u, "", ""); store(); return; }
      if (held(u, v)) { show(u, "held", text.msgJustify); return; }
      var body = new URLSearchParams();
      for (var f in v) body.append(f + u.sfx, v[f]);
      body.append(u.ver.name, u.version);
      ch.forEach(function (f) { body.append("base." + f + u.sfx, u.base[f]); });
      u.busy = true;
      u.sent = v;
      show(u, "saving", text.msgSaving);
      fetch(u.url, { method: "POST", body: body, credentials: "same-origin",
        headers: { "Accept": "application/json", "X-CSRF-Token": csrf } })
        .then(function (res) {
          return res.json().catch(function () { return {}; }).then(function (j) { return { s: res.status, j: j }; });
        }, function () { return { s: 0, j: {} }; })
        .then(function (r) { u.busy = false; done(u, r.s, r.j); });
    }

    function done(u, s, j) {
      if (s === 200) {
        u.tries = 0;
        adopt(u, j);
        show(u, "saved", fill(text.msgSaved, "time", new Date().toLocaleTimeString(lang, { hour: "2-digit", minute: "2-digit" })));
      } else if (s === 409 && j.current) {
        conflict(u, j);
      } else if (!s || s >= 500 || s === 408 || s === 429) {
        u.tries++;
        var n = Math.min(changed(u, values(u)).length, 5);
        show(u, "waiting", text["msgWaiting-" + Math.max(n, 1)]);
        schedule(u, Math.min(30000, 1000 * Math.pow(2, u.tries - 1)) + Math.random() * 500);
      } else {
        show(u, "failed", fill(text.msgFailed, "reason", s === 401 ? text.msgSignedOut : j.error || text.msgOffline));
      }
      store();
      if (s === 200 && changed(u, values(u)).length) schedule(u, 0);
    }

    // adopt takes the stored state after a save: the new version and base,
    // and the stored value into every input not touched since the save was
    // sent (someone else's change to another field shows at once). If a
    // field typed meanwhile was also changed by someone else, the old
    // version and base stay, so the next save meets that conflict.
    function adopt(u, cap) {
      if (cap.suggested_phase != null) {
        var sp = document.getElementById("suggested-phase"), opt = form.querySelector("#confirmed_phase option[value='" + cap.suggested_phase + "']");
        if (sp && opt) { sp.dataset.phase = cap.suggested_phase; sp.textContent = opt.textContent; prompt(); }
      }
      var o = cap, now = values(u), base = {}, safe = true;
      if (u.ind) o = (cap.indicators || []).filter(function (x) { return x.key === u.ind; })[0];
      if (!o) return;
      var st = fields(u, o);
      for (var f in u.inputs) {
        var v = norm(f, st[f]);
        if (now[f] === u.sent[f]) { if (now[f] !== v) write(u, f, v); } else if (v !== u.sent[f]) safe = false;
        base[f] = v;
      }
      if (safe) { u.base = base; u.version = u.ind ? o.version : cap.version; sync(u); }
    }

    function label(u, f) {
      var el = u.inputs[f][0];
      if (el.type === "radio") return el.closest("[role=radiogroup]").getAttribute("aria-label");
      var l = form.querySelector("label[for='" + el.id + "']");
      return l ? l.firstChild.textContent.trim() : f;
    }
    function shown(u, f, v) {
      var el = u.inputs[f].filter(function (x) { return x.type !== "radio" || x.value === v; })[0];
      if (!el) return text.msgUnanswered;
      if (el.type === "radio") return form.querySelector("label[for='" + el.id + "']").textContent;
      if (el.tagName === "SELECT") for (var i = 0; i < el.options.length; i++) if (el.options[i].value === v) return el.options[i].textContent;
      return v || text.msgEmpty;
    }

    // conflict shows, next to the status, who changed what and when with
    // the stored value beside the person's own, and waits for a choice.
    function conflict(u, j) {
      var cur = fields(u, j.current), mine = values(u);
      for (var f in cur) cur[f] = norm(f, cur[f]);
      var list = j.fields && j.fields.length ? j.fields : changed(u, mine);
      u.conflict = { v: j.current_version, cur: cur, fields: list };
      var box = panel.content.firstElementChild.cloneNode(true), row = box.querySelector(".conflict-field"), dl = row.parentNode;
      box.querySelector(".conflict-message").textContent = j.error;
      dl.removeChild(row);
      list.forEach(function (f) {
        if (!u.inputs[f]) return;
        var r = row.cloneNode(true);
        r.querySelector("dt").textContent = label(u, f);
        r.querySelector("[data-side=theirs]").textContent = shown(u, f, cur[f]);
        r.querySelector("[data-side=mine]").textContent = shown(u, f, mine[f]);
        dl.appendChild(r);
      });
      u.status.parentNode.insertBefore(box, u.status.nextSibling);
      reveal(box);
      listen(u, box);
      show(u, "conflict", j.error);
    }
    function listen(u, box) {
      box.addEventListener("click", function (e) {
        var t = e.target, c = t.dataset.choice || { keep: "mine", theirs: "theirs" }[t.name];
        if (!c) return;
        e.preventDefault();
        if (c === "close") { box.remove(); return; }
        if (u.conflict) resolve(u, c, box);
      });
    }
    // resolve applies "Keep mine" (the person's values over the stored
    // version: an explicit choice) or "Use theirs" (the stored values of the
    // conflicting fields). Fields the person did not change take the stored
    // value either way; other changes of theirs are still saved. Text they
    // typed stays visible in the panel after "Use theirs", to copy.
    function resolve(u, choice, box) {
      var c = u.conflict, mine = values(u), typed = false;
      for (var f in u.inputs) {
        var conflicting = c.fields.indexOf(f) >= 0;
        if (mine[f] === u.base[f] || (choice === "theirs" && conflicting)) write(u, f, c.cur[f]);
        if (choice === "theirs" && conflicting && mine[f] && u.inputs[f][0].tagName === "TEXTAREA") typed = true;
        u.base[f] = c.cur[f];
      }
      u.version = c.v;
      u.conflict = null;
      sync(u);
      var m = box.querySelector(".conflict-message");
      if (typed && m) {
        m.textContent = text.msgKept;
        box.querySelectorAll("button").forEach(function (b) { b.hidden = b.dataset.choice !== "close"; });
      } else box.remove();
      show(u, "", "");
      send(u);
    }

    form.querySelectorAll("fieldset.indicator, fieldset[data-judgement]").forEach(function (fs) {
      var u = unit(fs);
      units.push(u);
      function touched(e, delay) {
        var f = e.target.name && e.target.name.slice(0, e.target.name.length - u.sfx.length);
        if (!u.inputs[f]) return;
        place(u, e.target);
        if (!u.ind) prompt();
        store();
        if (!u.conflict) schedule(u, delay);
      }
      fs.addEventListener("change", function (e) { touched(e, 0); });
      fs.addEventListener("input", function (e) { if (e.target.tagName === "TEXTAREA" || e.target.type === "text") touched(e, 1500); });
    });

    // Back from a reload or a lost connection: put the queued values into
    // the inputs and send them, from the version and base they were made on.
    var q = {};
    try { q = JSON.parse(ls && ls.getItem(key)) || {}; } catch (e) { /* unreadable: nothing queued */ }
    units.forEach(function (u) {
      var e = q[u.fs.id];
      if (e && !u.conflict && Object.keys(u.inputs).some(function (f) { return (e.m[f] || "") !== norm(f, initial(u.inputs[f])); })) {
        u.base = e.b;
        u.version = e.v;
        for (var f in u.inputs) if (f in e.m) write(u, f, e.m[f]);
      }
      if (!u.conflict && changed(u, values(u)).length) send(u);
    });
    store();

    window.addEventListener("online", function () {
      units.forEach(function (u) { u.tries = 0; send(u); });
    });
    form.addEventListener("submit", function (e) {
      var j = units.filter(function (u) { return !u.ind; })[0];
      if (j && held(j, values(j))) {
        e.preventDefault();
        var ta = document.getElementById("justification"), er = document.getElementById("justification-error");
        if (!er) {
          er = document.createElement("p");
          er.className = "field-error";
          er.id = "justification-error";
          er.textContent = text.msgJustifyError;
          ta.parentNode.appendChild(er);
        }
        ta.setAttribute("aria-invalid", "true");
        ta.setAttribute("aria-describedby", er.id);
        ta.focus();
        return;
      }
      leaving = true; // the whole form carries every value
    });
    window.addEventListener("beforeunload", function (e) {
      if (!leaving && units.some(function (u) { return u.busy || changed(u, values(u)).length; })) { e.preventDefault(); e.returnValue = ""; }
    });
  }
})();
