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
