/* pkgen web: lists with add and remove, the live check, previews and builds. No framework. */
"use strict";

function escapeRe(text) { return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }

/* Rename the key prefix `from` (e.g. "pihak[3]") to `to` in every name, id, label and key
   under `root`, and in the templates it holds. */
function rename(root, from, to) {
  const re = new RegExp("^(f-|_sertakan\\.)?" + escapeRe(from) + "(?=$|[.\\[@])");
  const attrs = ["name", "id", "for", "data-key", "data-for", "data-prefix"];
  const nodes = [root, ...root.querySelectorAll("*")];
  for (const node of nodes) {
    for (const attr of attrs) {
      const value = node.getAttribute && node.getAttribute(attr);
      if (value && re.test(value)) node.setAttribute(attr, value.replace(re, (m, p) => (p || "") + to));
    }
    if (node.tagName === "TEMPLATE") {
      node.innerHTML = node.innerHTML.split(from + "[").join(to + "[").split(from + ".").join(to + ".");
    }
  }
}

function items(container) {
  const holder = container.querySelector(":scope > .items");
  return holder ? [...holder.children].filter((el) => el.classList.contains("item")) : [];
}

function renumber(container) {
  const prefix = container.dataset.prefix;
  items(container).forEach((item, n) => {
    const want = prefix + "[" + (n + 1) + "]";
    const have = item.dataset.key;
    if (have !== want) rename(item, have, want);
    const number = item.querySelector(":scope > h3 > .number");
    if (number) number.textContent = number.dataset.label + " " + (n + 1);
  });
}

function addItem(container) {
  const template = container.querySelector(":scope > template");
  const prefix = container.dataset.prefix;
  const n = items(container).length + 1;
  const html = template.innerHTML.split(prefix + "[__i__]").join(prefix + "[" + n + "]");
  const holder = container.querySelector(":scope > .items");
  holder.insertAdjacentHTML("beforeend", html);
  renumber(container);
  const added = items(container).pop();
  const first = added && added.querySelector("input, textarea, select");
  if (first) first.focus();
}

function removeItem(item) {
  const container = item.parentElement.parentElement;
  if (items(container).length === 1) {
    item.querySelectorAll("input[type=text], textarea").forEach((el) => { el.value = ""; });
    item.querySelectorAll("select").forEach((el) => { el.selectedIndex = 0; });
  } else {
    item.remove();
    renumber(container);
  }
}

function grow(area) {
  area.style.height = "auto";
  area.style.height = (area.scrollHeight + 2) + "px";
}

/* --- the live check --------------------------------------------------------------------- */

function nearestList(key) {
  let k = key;
  while (k) {
    const found = document.querySelector('ul.msgs[data-for="' + CSS.escape(k) + '"]');
    if (found) return found;
    const cut = Math.max(k.lastIndexOf("."), k.lastIndexOf("["));
    k = cut > 0 ? k.slice(0, cut) : "";
  }
  return null;
}

function showVerdict(verdict) {
  const aside = document.getElementById("check");
  document.querySelectorAll("ul.msgs").forEach((ul) => { ul.textContent = ""; });
  document.querySelectorAll(".field.has-problem").forEach((el) => el.classList.remove("has-problem"));
  for (const [key, messages] of Object.entries(verdict.fields)) {
    const list = nearestList(key);
    if (!list) continue;
    for (const m of messages) {
      const li = document.createElement("li");
      li.className = m.level;
      li.textContent = m.text;
      list.appendChild(li);
    }
    const field = list.closest(".field");
    if (field && messages.some((m) => m.level === "problem")) field.classList.add("has-problem");
  }
  const counts = verdict.counts;
  document.getElementById("counts").textContent = aside.dataset.counts
    .replace("{e}", counts.error).replace("{w}", counts.warning).replace("{n}", counts.info);
  const general = document.getElementById("general");
  general.textContent = "";
  for (const text of verdict.general) {
    const li = document.createElement("li");
    li.textContent = text;
    general.appendChild(li);
  }
  const list = document.getElementById("findings");
  list.textContent = "";
  if (!verdict.loads) {
    const li = document.createElement("li");
    li.className = "none";
    li.textContent = aside.dataset.unreadable;
    list.appendChild(li);
  }
  for (const f of verdict.findings) {
    const li = document.createElement("li");
    li.className = "sev-" + f.severity;
    li.dataset.key = f.key || "";
    const badge = document.createElement("span");
    badge.className = "badge " + f.severity;
    badge.textContent = aside.dataset["sev" + f.severity[0].toUpperCase() + f.severity.slice(1)];
    li.appendChild(badge);
    if (f.key) {
      const a = document.createElement("a");
      a.className = "where";
      a.href = "#f-" + f.key;
      a.textContent = f.location;
      li.append(" ", a);
    }
    const text = document.createElement("span");
    text.className = "message";
    text.textContent = f.message;
    const basis = document.createElement("small");
    basis.className = "basis";
    basis.textContent = f.citation;
    li.append(" ", text, " ", basis);
    list.appendChild(li);
  }
  if (!verdict.findings.length && verdict.loads) {
    const li = document.createElement("li");
    li.className = "none";
    li.textContent = aside.dataset.none;
    list.appendChild(li);
  }
}

let checkTimer = null;
let checkSeq = 0;

function scheduleCheck(form, delay) {
  clearTimeout(checkTimer);
  checkTimer = setTimeout(() => runCheck(form), delay);
}

async function runCheck(form) {
  const seq = ++checkSeq;
  document.getElementById("check").classList.add("checking");
  try {
    const response = await fetch("/api/periksa", {
      method: "POST", body: new FormData(form), credentials: "same-origin",
      headers: {"X-CSRF-Token": document.body.dataset.csrf},
    });
    if (response.ok && seq === checkSeq) showVerdict(await response.json());
  } catch (err) {
    /* offline or stopped: the next edit tries again */
  } finally {
    if (seq === checkSeq) document.getElementById("check").classList.remove("checking");
  }
}

let dirty = false;  /* typed since the page came: leaving it asks first */

function setupForm(form) {
  window.addEventListener("beforeunload", (event) => {
    if (dirty) { event.preventDefault(); event.returnValue = ""; }
  });
  form.addEventListener("click", (event) => {
    const add = event.target.closest("button.add");
    if (add) { addItem(add.parentElement); scheduleCheck(form, 300); return; }
    const remove = event.target.closest("button.remove");
    if (remove) { removeItem(remove.closest(".item")); scheduleCheck(form, 300); }
  });
  form.addEventListener("input", (event) => {
    dirty = true;
    if (event.target.tagName === "TEXTAREA") grow(event.target);
    scheduleCheck(form, 600);
  });
  form.addEventListener("change", () => scheduleCheck(form, 100));
  form.querySelectorAll("textarea").forEach(grow);
  form.addEventListener("submit", (event) => {
    const button = event.submitter;
    if (!button || !button.hasAttribute("formtarget")) dirty = false;  /* leaving by saving */
    if (button && button.id === "simpan") {
      /* one save per click; the page comes back either way */
      setTimeout(() => { button.disabled = true; }, 0);
      setTimeout(() => { button.disabled = false; }, 5000);
    }
  });
}

/* --- previews and builds ------------------------------------------------------------------ */

async function watchPreview(section) {
  const key = section.dataset.key;
  for (let attempt = 0; attempt < 400; attempt++) {
    let state = {state: "converting"};
    try {
      state = await (await fetch("/pratinjau/" + key + "/status")).json();
    } catch (err) { /* try again */ }
    if (state.state === "ready") {
      section.textContent = "";
      for (let n = 1; n <= state.pages; n++) {
        const img = document.createElement("img");
        img.src = "/pratinjau/" + key + "/halaman/" + n + ".png";
        img.alt = section.dataset.pageLabel + " " + n;
        img.className = "page";
        section.appendChild(img);
      }
      section.dataset.state = "ready";
      document.getElementById("unduh-pdf").hidden = false;
      return;
    }
    if (state.state === "failed") {
      section.dataset.state = "failed";
      document.getElementById("converting").textContent = state.message;
      document.getElementById("converting").className = "notice error";
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 700));
  }
}

async function watchBuild(section) {
  section.hidden = false;
  const bar = section.querySelector("progress");
  const text = section.querySelector(".progress-text");
  for (let attempt = 0; attempt < 2000; attempt++) {
    let job = {running: false};
    try { job = await (await fetch("/build/status")).json(); } catch (err) { /* again */ }
    bar.max = Math.max(job.total || 1, 1);
    bar.value = job.done || 0;
    text.textContent = (job.running ? section.dataset.running : section.dataset.done) +
      (job.total ? " " + job.done + "/" + job.total : "");
    if (!job.running) {
      const table = section.querySelector(".summary");
      table.textContent = "";
      for (const [state, count] of job.summary || []) {
        const row = table.insertRow();
        row.insertCell().textContent = state;
        row.insertCell().textContent = count;
      }
      const failed = section.querySelector(".failed");
      failed.textContent = "";
      for (const [name, why] of job.failed || []) {
        const li = document.createElement("li");
        li.textContent = name + ": " + why;
        failed.appendChild(li);
      }
      if (job.error) {
        const li = document.createElement("li");
        li.textContent = job.error;
        failed.appendChild(li);
      }
      section.dataset.finished = "yes";
      const button = document.getElementById("build");
      if (button) button.disabled = false;
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

document.addEventListener("DOMContentLoaded", () => {
  const form = document.getElementById("agreement");
  if (form) setupForm(form);
  const pages = document.getElementById("pages");
  if (pages) watchPreview(pages);
  const build = document.getElementById("build-status");
  if (build && build.dataset.watch === "yes") watchBuild(build);
  document.querySelectorAll("form.upload, form.narrow").forEach((f) => {
    f.addEventListener("submit", () => {
      const b = f.querySelector("button[type=submit]");
      if (b) setTimeout(() => { b.disabled = true; }, 0);
    });
  });
});
