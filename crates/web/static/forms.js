// Pelita: what a person types is not lost, and the terminology guard speaks while they type.
//
// - A form marked data-draft="<form>" (the assessment, the plan, the conference record) saves
//   its fields to the server 15 seconds after a change, and when the page is about to sleep
//   (a phone locked during an interview). The draft is sealed there, for this person, case
//   and form — never kept in the browser: devices are shared. When the form is opened again,
//   a draft the form was not saved after is offered back. Saving the form deletes it.
// - Every textarea of a form (unless data-guard="off") shows the terminology guard's findings
//   beside it a moment after typing stops, and all of a form's findings again by its save
//   button. The guard's words come from the server, in the reader's language.
//
// Without this script every form works as before.
(() => {
  "use strict";

  const DRAFT_DELAY = 15000;
  const GUARD_DELAY = 800;

  const csrfOf = (form) => form.querySelector('input[name="csrf"]')?.value || null;

  const send = (url, data) =>
    fetch(url, {
      method: "POST",
      body: data,
      credentials: "same-origin",
      redirect: "manual",
      headers: { Accept: "application/json" },
    });

  const element = (tag, className, text) => {
    const el = document.createElement(tag);
    if (className) el.className = className;
    if (text) el.textContent = text;
    return el;
  };

  // A form's fields as it would post them (text values only).
  const fieldsOf = (form) => {
    const data = new URLSearchParams();
    new FormData(form).forEach((value, name) => {
      if (typeof value === "string") data.append(name, value);
    });
    return data;
  };

  // ---- drafts ----

  // The case a form belongs to, from where it posts (/cases/<id>/…). The attribute, not
  // form.action: a field named "action" would hide the property.
  const caseOf = (form) => {
    const m = /^\/cases\/([^/?#]+)\//.exec(form.getAttribute("action") || "");
    return m ? m[1] : null;
  };

  // A draft fits only the form it was typed in: the form's fixed values (the instrument of
  // an assessment) must be the draft's.
  const fits = (form, fields) =>
    Array.from(form.querySelectorAll('input[type="hidden"]')).every((el) => {
      if (!el.name || el.name === "csrf") return true;
      const pair = fields.find(([name]) => name === el.name);
      return !pair || pair[1] === el.value;
    });

  // Puts a draft's values back: the nth value of a name into its nth field (rows of a form
  // repeat their names), radios and checkboxes by value.
  const restore = (form, fields) => {
    const byName = new Map();
    for (const [name, value] of fields) {
      if (!byName.has(name)) byName.set(name, []);
      byName.get(name).push(value);
    }
    for (const [name, values] of byName) {
      if (name === "csrf") continue;
      let i = 0;
      for (const el of Array.from(form.elements)) {
        if (el.name !== name || ["hidden", "submit", "button"].includes(el.type)) continue;
        if (el.type === "radio" || el.type === "checkbox") {
          el.checked = values.includes(el.value);
        } else if (el.tagName === "SELECT" && el.multiple) {
          for (const o of el.options) o.selected = values.includes(o.value);
        } else if (i < values.length) {
          el.value = values[i++];
        }
        // Scripts that follow the answers (skip logic, the guard) see them as typed.
        el.dispatchEvent(new Event("input", { bubbles: true }));
        el.dispatchEvent(new Event("change", { bubbles: true }));
      }
    }
  };

  // Opens every disclosure the form sits in.
  const reveal = (form) => {
    for (let d = form.closest("details"); d; d = d.parentElement?.closest("details")) d.open = true;
  };

  const offer = (form, draft, labels, discard) => {
    const box = element("div", "draft-offer");
    box.setAttribute("role", "status");
    box.appendChild(element("p", null, draft.offer));
    const again = element("button", "primary", labels.restore);
    again.type = "button";
    const drop = element("button", "link", labels.discard);
    drop.type = "button";
    box.append(again, " ", drop);
    again.addEventListener("click", () => {
      restore(form, draft.fields);
      box.remove();
      form.querySelector("textarea, select, input:not([type=hidden])")?.focus();
    });
    drop.addEventListener("click", () => {
      discard();
      box.remove();
    });
    // Beside the form, shown: a form folded away opens with the offer at its top.
    const summary = form.closest("details")?.querySelector(":scope > summary");
    if (summary) summary.after(box);
    else form.before(box);
    reveal(form);
  };

  const setupDraft = (form) => {
    const name = form.getAttribute("data-draft");
    const id = caseOf(form);
    const csrf = csrfOf(form);
    if (!name || !id || !csrf) return;
    const url = `/cases/${encodeURIComponent(id)}/drafts`;
    let labels = {};
    let timer = null;
    let dirty = false;
    const status = element("p", "draft-status");
    status.setAttribute("role", "status");
    form.appendChild(status);

    const payload = () => {
      const data = fieldsOf(form);
      data.set("draft", name);
      return data;
    };
    const save = () => {
      timer = null;
      if (!dirty) return;
      dirty = false;
      send(url, payload())
        .then((r) => {
          if (r.ok) {
            status.textContent = labels.saved || "";
            return;
          }
          dirty = true;
          // A redirect is the sign-in page: the session ended.
          status.textContent = (r.type === "opaqueredirect" ? labels.signed_out : labels.failed) || "";
        })
        .catch(() => {
          dirty = true;
          status.textContent = labels.failed || "";
        });
    };
    const changed = () => {
      dirty = true;
      if (!timer) timer = setTimeout(save, DRAFT_DELAY);
    };
    form.addEventListener("input", changed);
    form.addEventListener("change", changed);
    form.addEventListener("submit", () => {
      clearTimeout(timer);
      timer = null;
      dirty = false;
    });
    // A phone locked mid-interview may never run the timer: keep what was typed first.
    document.addEventListener("visibilitychange", () => {
      if (document.visibilityState !== "hidden" || !dirty || !navigator.sendBeacon) return;
      clearTimeout(timer);
      timer = null;
      dirty = false;
      navigator.sendBeacon(url, payload());
    });

    const discard = () => {
      const data = new URLSearchParams({ csrf, draft: name });
      send(`${url}/discard`, data).catch(() => {});
    };
    fetch(`${url}?draft=${encodeURIComponent(name)}`, {
      credentials: "same-origin",
      redirect: "manual",
      headers: { Accept: "application/json" },
    })
      .then((r) => (r.ok ? r.json() : null))
      .then((j) => {
        if (!j) return;
        labels = j.labels || {};
        if (j.draft && fits(form, j.draft.fields)) offer(form, j.draft, labels, discard);
      })
      .catch(() => {});
  };

  // ---- the terminology guard ----

  const setupGuard = (form) => {
    const csrf = csrfOf(form);
    const areas = Array.from(form.querySelectorAll("textarea")).filter(
      (ta) => ta.getAttribute("data-guard") !== "off",
    );
    if (!csrf || !areas.length) return;
    const found = new Map();
    let title = "";
    // Again by the save button: the last thing seen before saving.
    const summary = element("div", "guard-summary");
    summary.setAttribute("role", "status");
    summary.hidden = true;
    const buttons = form.querySelectorAll('button[type="submit"], button:not([type]), input[type="submit"]');
    const last = buttons[buttons.length - 1];
    if (last) last.parentNode.insertBefore(summary, last);
    else form.appendChild(summary);

    const showAll = () => {
      const all = [].concat(...found.values());
      summary.textContent = "";
      if (all.length) {
        summary.appendChild(element("p", "guard-title", title));
        const list = element("ul");
        for (const w of all) list.appendChild(element("li", null, w));
        summary.appendChild(list);
      }
      summary.hidden = !all.length;
    };

    areas.forEach((ta, n) => {
      const list = element("ul", "guard-live");
      list.id = `${ta.id || `${form.id || "form"}-text-${n}`}-guard`;
      list.hidden = true;
      ta.after(list);
      const described = ta.getAttribute("aria-describedby");
      ta.setAttribute("aria-describedby", described ? `${described} ${list.id}` : list.id);
      const show = (warnings) => {
        list.textContent = "";
        for (const w of warnings) list.appendChild(element("li", null, w));
        list.hidden = !warnings.length;
        found.set(ta, warnings);
        showAll();
      };
      let timer = null;
      let checked = "";
      const check = () => {
        timer = null;
        const text = ta.value;
        if (text === checked) return;
        checked = text;
        if (!text.trim()) {
          show([]);
          return;
        }
        send("/terminology", new URLSearchParams({ csrf, text }))
          .then((r) => (r.ok ? r.json() : null))
          .then((j) => {
            if (!j || ta.value !== text) return;
            title = j.title || title;
            show(j.warnings || []);
          })
          .catch(() => {});
      };
      ta.addEventListener("input", () => {
        clearTimeout(timer);
        timer = setTimeout(check, GUARD_DELAY);
      });
      if (ta.value.trim()) check();
    });
  };

  const start = () => {
    document.querySelectorAll("form[data-draft]").forEach(setupDraft);
    document.querySelectorAll("form").forEach(setupGuard);
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
