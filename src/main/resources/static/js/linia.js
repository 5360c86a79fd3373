// Linia: small conveniences on top of server-rendered pages (htmx swaps pages, so listen on document).
document.addEventListener('change', function (event) {
  // choosing a category suggests its default second-line group, unless the agent already chose one
  var category = event.target;
  if (category.id !== 'escalate-category') {
    return;
  }
  var group = document.getElementById('escalate-group');
  var option = category.options[category.selectedIndex];
  var suggested = option ? option.getAttribute('data-group') : null;
  if (group && suggested && (group.value === '' || group.dataset.suggested === 'true')) {
    group.value = suggested;
    group.dataset.suggested = 'true';
  }
});
document.addEventListener('change', function (event) {
  if (event.target.id === 'escalate-group') {
    event.target.dataset.suggested = 'false';
  }
}, true);

// Mail shown as HTML: remote images load only when the agent asks (the sanitiser moved them to data-remote-src).
document.addEventListener('click', function (event) {
  var button = event.target.closest('.load-remote-images');
  if (!button) return;
  var frame = button.closest('.mail-html').querySelector('iframe');
  var doc = frame && frame.contentDocument;
  if (!doc) return;
  doc.querySelectorAll('img[data-remote-src]').forEach(function (img) {
    var src = img.getAttribute('data-remote-src');
    if (/^https?:\/\//i.test(src)) img.setAttribute('src', src);
    img.removeAttribute('data-remote-src');
  });
  button.disabled = true;
});

// Collision notice: while the agent types in any form of the ticket page, the 2-second presence report says so.
(function () {
  var idle;
  document.addEventListener('input', function (event) {
    var typing = document.getElementById('presence-typing');
    if (!typing || !event.target.closest('#actions, form')) return;
    typing.value = 'true';
    clearTimeout(idle);
    idle = setTimeout(function () { typing.value = 'false'; }, 4000);
  });
})();

// Automation rule form: each row offers only the values of the field (or action) chosen in it, and the
// text box where the value is typed (words, tags) or the notice's text.
(function () {
  function fit(row) {
    var kind = row.querySelector('.rule-kind');
    if (!kind) return;
    var option = kind.options[kind.selectedIndex];
    var chosen = kind.value;
    var typed = option && option.getAttribute('data-typed') === 'true';
    var wantsText = option && option.getAttribute('data-text') === 'true';
    var choice = row.querySelector('.rule-choice');
    var word = row.querySelector('.rule-word');
    var text = row.querySelector('.rule-text');
    if (choice) {
      var any = false;
      Array.prototype.forEach.call(choice.options, function (o) {
        var mine = !o.getAttribute('data-for') || o.getAttribute('data-for') === chosen;
        o.hidden = !mine;
        if (!mine && o.selected) { choice.value = ''; }
        if (mine && o.getAttribute('data-for')) { any = true; }
      });
      choice.hidden = typed || !any;
    }
    if (word) word.hidden = !typed;
    if (text) text.hidden = !wantsText;
    var operator = row.querySelector('.rule-operator');
    if (operator) {
      var ops = chosen === 'TEXT' ? ['CONTAINS', 'NOT_CONTAINS']
          : (chosen === 'CUSTOMER_TAG' || chosen === 'TICKET_TAG') ? ['HAS', 'LACKS'] : ['IS', 'IS_NOT'];
      Array.prototype.forEach.call(operator.options, function (o) { o.hidden = ops.indexOf(o.value) < 0; });
      if (ops.indexOf(operator.value) < 0) operator.value = ops[0];
    }
  }
  function fitAll() {
    document.querySelectorAll('.rule-form .rule-row').forEach(fit);
    var trigger = document.getElementById('trigger');
    var idle = document.getElementById('idle-box');
    if (trigger && idle) idle.hidden = trigger.value !== 'IDLE';
  }
  document.addEventListener('change', function (event) {
    if (event.target.classList.contains('rule-kind')) fit(event.target.closest('.rule-row'));
    if (event.target.id === 'trigger') fitAll();
  });
  document.addEventListener('DOMContentLoaded', fitAll);
  document.addEventListener('htmx:load', fitAll);
})();

// The rating link of a solved mail: the page opened from it holds the chosen score in a form, sent here at once, so
// that a person's one click rates while a mail scanner fetching the link records nothing (it runs no script).
document.addEventListener('DOMContentLoaded', function () {
  var form = document.querySelector('form[data-auto-submit="true"]');
  if (form) {
    form.submit();
  }
});
