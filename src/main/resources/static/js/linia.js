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
