/*
 * Custodian cookie banner. Embed with one tag on any site:
 *   <script src="https://CUSTODIAN/consent.js" defer></script>
 * Optional: data-lang="da" on the tag (else the page's lang, else the browser's language).
 * The site asks  Custodian.consent.has('analytics')  (a category key, or a purpose key or prefix) and listens for
 *   document.addEventListener('custodian:consent', function (e) { ... e.detail.choices ... })
 * Any element with data-custodian-consent reopens the banner. The choice is kept in localStorage and in the
 * custodian_consent cookie, and recorded with the server as consent events. Global Privacy Control switches off
 * sale, sharing and advertising categories.
 */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || window.Custodian && window.Custodian.consent) return;
  var origin = new URL(script.src, location.href).origin;
  var lang = (script.getAttribute('data-lang') || document.documentElement.lang || navigator.language || '').slice(0, 2).toLowerCase();
  var state = { config: null, choices: null, complete: false, visitor: null, gpc: navigator.globalPrivacyControl === true, banner: null, returnFocus: null };
  var resolveReady;
  var queue = Promise.resolve();
  var ready = new Promise(function (resolve) { resolveReady = resolve; });

  function storeKey() { return 'custodian.consent.' + state.config.policy; }

  function readStored() {
    try { return JSON.parse(localStorage.getItem(storeKey()) || 'null'); } catch (e) { return null; }
  }

  function persist() {
    var record = { version: state.config.version, visitor: state.visitor, choices: state.choices, complete: state.complete, gpc: state.gpc, at: new Date().toISOString() };
    try { localStorage.setItem(storeKey(), JSON.stringify(record)); } catch (e) { /* storage may be off; the cookie still holds it */ }
    var value = Object.keys(state.choices).map(function (k) { return k + ':' + (state.choices[k] ? 1 : 0); }).join('|');
    // Category keys are policy keys (letters, digits, _), so the value needs no encoding: statistics:1|marketing:0
    document.cookie = 'custodian_consent=' + value + '; path=/; max-age=31536000; SameSite=Lax' + (location.protocol === 'https:' ? '; Secure' : '');
  }

  function category(key) {
    return state.config.categories.filter(function (c) { return c.key === key; })[0];
  }

  function has(name) {
    if (!state.config) return false;
    return state.config.categories.some(function (c) {
      var match = c.key === name || (c.purpose && (c.purpose === name || c.purpose.indexOf(name + '.') === 0));
      if (!match) return false;
      if (c.required) return true;
      if (state.gpc && c.offUnderGpc) return false;
      return !!(state.choices && state.choices[c.key]);
    });
  }

  function emit() {
    var choices = {};
    state.config.categories.forEach(function (c) { choices[c.key] = has(c.key); });
    document.dispatchEvent(new CustomEvent('custodian:consent', { detail: { choices: choices, gpc: state.gpc, policy: state.config.policy, version: state.config.version } }));
  }

  // complete: the visitor decided (a banner button); a GPC opt-out alone still leaves the other categories to ask about.
  function record(choices, complete) {
    state.choices = choices;
    state.complete = state.complete || complete;
    persist();
    emit();
    // One request at a time, so a second choice carries the visitor token the first one created.
    var send = function () {
      return fetch(origin + '/consent/cookies', {
        method: 'POST',
        mode: 'cors',
        credentials: 'omit',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ visitor: state.visitor, choices: choices, gpc: state.gpc, language: state.config.language })
      }).then(function (response) {
        if (!response.ok) throw new Error('HTTP ' + response.status);
        return response.json();
      }).then(function (answer) {
        state.visitor = answer.visitor || null;
        persist();
        document.dispatchEvent(new CustomEvent('custodian:recorded', { detail: answer }));
        return answer;
      });
    };
    queue = queue.then(send, send);
    return queue;
  }

  function gpcChoices(base) {
    var choices = {};
    state.config.categories.forEach(function (c) {
      if (c.required) return;
      if (state.gpc && c.offUnderGpc) choices[c.key] = false;
      else if (base && Object.prototype.hasOwnProperty.call(base, c.key)) choices[c.key] = base[c.key];
    });
    return choices;
  }

  function all(accept) {
    var choices = {};
    state.config.categories.forEach(function (c) {
      if (!c.required) choices[c.key] = accept && !(state.gpc && c.offUnderGpc);
    });
    return choices;
  }

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (attrs[k] === true) node.setAttribute(k, '');
      else if (attrs[k] !== false && attrs[k] != null) node.setAttribute(k, attrs[k]);
    });
    if (text != null) node.textContent = text;
    return node;
  }

  function close() {
    if (!state.banner) return;
    state.banner.remove();
    state.banner = null;
    var back = state.returnFocus;
    state.returnFocus = null;
    if (back && document.contains(back) && typeof back.focus === 'function') back.focus();
  }

  function open() {
    if (!state.config || state.banner) return;
    var w = state.config.words;
    state.returnFocus = document.activeElement;
    var banner = el('section', { 'class': 'cus-banner', role: 'dialog', 'aria-modal': 'false', 'aria-labelledby': 'cus-title', 'aria-describedby': 'cus-text', lang: state.config.language });
    var inner = el('div', { 'class': 'cus-inner' });
    var title = el('h2', { id: 'cus-title', tabindex: '-1' }, w.title);
    var text = el('p', { id: 'cus-text' }, w.text + ' ');
    text.appendChild(el('a', { href: origin + '/privacy/statement?lang=' + state.config.language }, w.statement));
    inner.appendChild(title);
    inner.appendChild(text);
    if (state.gpc) inner.appendChild(el('p', { 'class': 'cus-gpc' }, w.gpc));

    var details = el('div', { id: 'cus-details', 'class': 'cus-details', hidden: true });
    var fieldset = el('fieldset');
    fieldset.appendChild(el('legend', null, w.legend));
    state.config.categories.forEach(function (c) {
      var id = 'cus-c-' + c.key;
      var off = state.gpc && c.offUnderGpc;
      var row = el('div', { 'class': 'cus-cat' });
      var box = el('input', { type: 'checkbox', id: id, name: c.key, 'aria-describedby': id + '-d' });
      box.checked = c.required || (!off && !!(state.choices && state.choices[c.key]));
      box.disabled = c.required || off;
      var label = el('label', { 'for': id });
      label.appendChild(el('strong', null, c.name));
      if (c.required) label.appendChild(el('span', { 'class': 'cus-note' }, ' (' + w.always + ')'));
      if (off) label.appendChild(el('span', { 'class': 'cus-note' }, ' (' + w.gpcOff + ')'));
      row.appendChild(box);
      row.appendChild(label);
      row.appendChild(el('p', { id: id + '-d', 'class': 'cus-desc' }, c.description));
      fieldset.appendChild(row);
    });
    details.appendChild(fieldset);
    var save = el('button', { type: 'button', 'class': 'cus-btn', 'data-action': 'save' }, w.save);
    details.appendChild(save);
    inner.appendChild(details);

    var actions = el('div', { 'class': 'cus-actions' });
    var accept = el('button', { type: 'button', 'class': 'cus-btn', 'data-action': 'accept' }, w.accept);
    var reject = el('button', { type: 'button', 'class': 'cus-btn', 'data-action': 'reject' }, w.reject);
    var choose = el('button', { type: 'button', 'class': 'cus-btn cus-secondary', 'data-action': 'choose', 'aria-expanded': 'false', 'aria-controls': 'cus-details' }, w.choose);
    actions.appendChild(accept);
    actions.appendChild(reject);
    actions.appendChild(choose);
    inner.appendChild(actions);
    banner.appendChild(inner);

    function decide(choices) {
      record(choices, true).catch(function () { /* kept locally; the next choice records it */ });
      close();
    }
    accept.addEventListener('click', function () { decide(all(true)); });
    reject.addEventListener('click', function () { decide(all(false)); });
    save.addEventListener('click', function () {
      var choices = {};
      state.config.categories.forEach(function (c) {
        if (c.required) return;
        choices[c.key] = !!banner.querySelector('#cus-c-' + CSS.escape(c.key)).checked && !(state.gpc && c.offUnderGpc);
      });
      decide(choices);
    });
    choose.addEventListener('click', function () {
      var show = details.hidden;
      details.hidden = !show;
      choose.setAttribute('aria-expanded', show ? 'true' : 'false');
      if (show) {
        var first = details.querySelector('input:not([disabled])') || save;
        first.focus();
      }
    });
    banner.addEventListener('keydown', function (e) {
      if (e.key === 'Escape' && !details.hidden) {
        details.hidden = true;
        choose.setAttribute('aria-expanded', 'false');
        choose.focus();
        e.stopPropagation();
      }
    });

    document.body.insertBefore(banner, document.body.firstChild);
    state.banner = banner;
    title.focus();
  }

  function start(config) {
    state.config = config;
    state.gpc = state.gpc || config.gpc === true;
    var stored = readStored();
    var current = stored && stored.version === config.version;
    if (current) {
      state.visitor = stored.visitor || null;
      state.choices = stored.choices || {};
      state.complete = !!stored.complete;
    } else if (stored && stored.visitor) {
      state.visitor = stored.visitor;
    }

    if (state.gpc && !(current && stored.gpc)) record(gpcChoices(state.choices), state.complete).catch(function () {});
    else if (state.choices) emit();
    if (!state.complete) {
      state.choices = state.choices || {};
      open();
    }
  }

  window.Custodian = window.Custodian || {};
  window.Custodian.consent = {
    has: has,
    open: function () { ready.then(open); },
    ready: ready,
    get choices() { return state.choices ? JSON.parse(JSON.stringify(state.choices)) : null; },
    get gpc() { return state.gpc; }
  };

  document.addEventListener('click', function (e) {
    var target = e.target && e.target.closest ? e.target.closest('[data-custodian-consent]') : null;
    if (target) { e.preventDefault(); window.Custodian.consent.open(); }
  });

  var link = el('link', { rel: 'stylesheet', href: origin + '/consent.css' });
  document.head.appendChild(link);

  function boot() {
    fetch(origin + '/consent/cookies?lang=' + encodeURIComponent(lang), { mode: 'cors', credentials: 'omit' })
      .then(function (r) { if (!r.ok) throw new Error('HTTP ' + r.status); return r.json(); })
      .then(function (config) { start(config); resolveReady(window.Custodian.consent); })
      .catch(function () { resolveReady(window.Custodian.consent); });
  }

  if (document.body) boot(); else document.addEventListener('DOMContentLoaded', boot);
})();
