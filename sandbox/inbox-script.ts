/**
 * The inbox page's browser script, as text: polls `/api/messages` every second and renders the
 * messages grouped per phone number (newest group first, newest message first). Builds the DOM
 * with `textContent` only, so message text can never inject markup.
 *
 * @module
 */

/** Plain ES2020 for the browser; kept free of template literals so it can live in a TS string. */
export const inboxScript = String.raw`
(function () {
  'use strict';
  var inbox = document.querySelector('[data-testid="inbox"]');
  var status = document.querySelector('[data-testid="status"]');
  var total = document.querySelector('[data-testid="total"]');
  var seen = null;
  var lastJson = '';
  document.querySelector('[data-testid="endpoint"]').textContent = location.origin;

  function el(tag, className, text, testId) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    if (testId) node.setAttribute('data-testid', testId);
    return node;
  }

  function showPhone(message) {
    if (message.region === 'mainland') {
      var p = message.phone;
      return '+86 ' + p.slice(0, 3) + ' ' + p.slice(3, 7) + ' ' + p.slice(7);
    }
    return '+' + message.phone;
  }

  function pad(n) { return String(n).padStart(2, '0'); }

  /** Time of day on the sandbox clock; the date too when it is not today. */
  function showTime(iso) {
    var date = new Date(iso);
    var time = pad(date.getHours()) + ':' + pad(date.getMinutes()) + ':' + pad(date.getSeconds());
    if (date.toDateString() === new Date().toDateString()) return time;
    return date.getFullYear() + '-' + pad(date.getMonth() + 1) + '-' + pad(date.getDate()) + ' ' + time;
  }

  function textWithCode(message) {
    var paragraph = el('p', 'text', undefined, 'text');
    var at = message.code ? message.text.indexOf(message.code) : -1;
    if (at < 0) {
      paragraph.textContent = message.text;
      return paragraph;
    }
    paragraph.append(message.text.slice(0, at), el('mark', '', message.code),
      message.text.slice(at + message.code.length));
    return paragraph;
  }

  function renderMessage(message) {
    var item = el('article', 'message', undefined, 'message');
    item.setAttribute('data-id', message.id);
    if (seen && !seen.has(message.id)) item.classList.add('fresh');
    var row = el('div', 'code-row');
    if (message.code) {
      row.append(el('span', 'code', message.code, 'code'), el('span', 'code-label', 'verification code'));
    }
    var time = el('span', 'time', showTime(message.receivedAt), 'time');
    time.title = message.receivedAt;
    row.append(time);
    item.append(row, textWithCode(message));
    var meta = el('div', 'meta', undefined, 'meta');
    var from = message.signName ? '【' + message.signName + '】' : message.senderId ? 'from ' + message.senderId : '';
    var service = message.service === 'dypnsapi' ? 'PNVS (dypnsapi)' : '';
    var account = message.account ? 'account ' + message.account : '';
    [from, message.templateCode, [message.site, service, message.action, account].filter(Boolean).join(' · ')].forEach(function (part) {
      if (part) meta.append(el('span', '', part));
    });
    item.append(meta);
    return item;
  }

  function render(messages) {
    var groups = new Map();
    messages.forEach(function (message) {
      if (!groups.has(message.phone)) groups.set(message.phone, []);
      groups.get(message.phone).push(message);
    });
    var nodes = [];
    groups.forEach(function (list, phone) {
      var group = el('section', 'group', undefined, 'phone-group');
      group.setAttribute('data-phone', phone);
      var head = el('div', 'group-head');
      var region = list[0].region;
      head.append(el('span', 'phone', showPhone(list[0]), 'phone'),
        el('span', 'badge ' + region, region),
        el('span', 'count', list.length + (list.length === 1 ? ' message' : ' messages')));
      group.append(head);
      list.forEach(function (message) { group.append(renderMessage(message)); });
      nodes.push(group);
    });
    if (nodes.length === 0) {
      var empty = el('div', 'empty', undefined, 'empty');
      empty.append(el('strong', '', 'No messages yet'),
        'Send an SMS through this endpoint and it shows up here within a second.');
      nodes.push(empty);
    }
    inbox.replaceChildren.apply(inbox, nodes);
    total.textContent = messages.length + (messages.length === 1 ? ' message' : ' messages');
    seen = new Set(messages.map(function (message) { return message.id; }));
  }

  function refresh() {
    return fetch('/api/messages', { cache: 'no-store' })
      .then(function (response) { return response.json(); })
      .then(function (messages) {
        status.classList.add('live');
        var json = JSON.stringify(messages);
        if (json !== lastJson) {
          lastJson = json;
          render(messages);
        }
      })
      .catch(function () {
        status.classList.remove('live');
        total.textContent = 'Sandbox unreachable';
      });
  }

  document.querySelector('[data-testid="clear"]').addEventListener('click', function () {
    fetch('/api/messages', { method: 'DELETE' }).then(refresh, refresh);
  });
  refresh();
  setInterval(refresh, 1000);
})();
`;
