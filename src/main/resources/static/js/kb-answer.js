// Linia, ticket page: suggested articles and canned answers fill the reply forms.
// The server writes the text and names the form; this script only puts it in place, editable.
// htmx swaps pages, so everything listens on document.
(function () {
  'use strict';

  function panelOf(element) {
    return element.closest('[data-kb-panel]');
  }

  function say(panel, text, isProblem) {
    var box = panel ? panel.querySelector('[data-kb-message]') : null;
    if (!box) {
      return;
    }
    box.textContent = text || '';
    box.classList.toggle('d-none', !text);
    box.classList.toggle('text-danger', !!isProblem);
    box.classList.toggle('text-success', !isProblem);
  }

  function failed(panel) {
    panel.textContent = panel.getAttribute('data-failed') || '';
    panel.classList.add('text-body-secondary');
  }

  // a panel that cannot load says so in words instead of showing an error page in the sidebar
  document.addEventListener('htmx:beforeSwap', function (event) {
    var target = event.detail.target;
    if (target && target.hasAttribute('data-kb-panel') && event.detail.xhr && event.detail.xhr.status >= 400) {
      event.detail.shouldSwap = false;
      failed(target);
    }
  });
  ['htmx:sendError', 'htmx:timeout'].forEach(function (name) {
    document.addEventListener(name, function (event) {
      var target = event.detail.target || event.target;
      if (target && target.hasAttribute && target.hasAttribute('data-kb-panel')) {
        failed(target);
      }
    });
  });

  function setValue(id, value) {
    var field = document.getElementById(id);
    if (field) {
      field.value = value === null || value === undefined ? '' : String(value);
    }
    return field;
  }

  /** Puts the text into the named form's textarea, opens the form and brings it into view. */
  function fillForm(form, data, articleId) {
    var body = form ? document.getElementById(form + '-body') : null;
    if (!body) {
      return false;
    }
    body.value = data.text;
    // an article answer names its article; a canned text replaces whatever article was chosen before
    setValue(form + '-article-id', articleId);
    if (form === 'answer') {
      setValue('answer-article-title', articleId ? data.title : '');
      setValue('answer-article-url', articleId ? data.url : '');
    }
    var details = document.getElementById('form-' + form);
    if (details) {
      details.open = true;
      details.scrollIntoView({block: 'nearest'});
    }
    body.dispatchEvent(new Event('input', {bubbles: true}));
    body.focus();
    body.setSelectionRange(0, 0);
    body.scrollTop = 0;
    return true;
  }

  /** The category a canned answer proposes, chosen in the pass-on and change-category forms; nothing is sent. */
  function selectCategory(categoryId) {
    if (categoryId === null || categoryId === undefined) {
      return;
    }
    ['escalate-category', 'recategorise'].forEach(function (id) {
      var select = document.getElementById(id);
      if (select && select.querySelector('option[value="' + String(categoryId) + '"]')) {
        select.value = String(categoryId);
        select.dispatchEvent(new Event('change', {bubbles: true}));
      }
    });
  }

  function load(button, apply) {
    var panel = panelOf(button);
    button.disabled = true;
    say(panel, '');
    fetch(button.getAttribute('data-url'), {headers: {'Accept': 'application/json'}, credentials: 'same-origin'})
      .then(function (response) {
        return response.json().then(function (data) {
          return {ok: response.ok, data: data};
        }, function () {
          return {ok: false, data: {}};
        });
      })
      .then(function (result) {
        if (!result.ok) {
          say(panel, result.data.detail || panel.getAttribute('data-failed'), true);
        } else if (!apply(result.data)) {
          say(panel, panel.getAttribute('data-no-form'), true);
        } else {
          say(panel, result.data.notice, false);
        }
      })
      .catch(function () {
        say(panel, panel.getAttribute('data-failed'), true);
      })
      .finally(function () {
        button.disabled = false;
      });
  }

  document.addEventListener('click', function (event) {
    var article = event.target.closest('[data-kb-answer]');
    if (article) {
      event.preventDefault();
      load(article, function (data) {
        return fillForm(data.form, data, data.articleId);
      });
      return;
    }
    var canned = event.target.closest('[data-canned]');
    if (canned) {
      event.preventDefault();
      load(canned, function (data) {
        var filled = fillForm(data.form, data, null);
        if (filled) {
          selectCategory(data.categoryId);
        }
        return filled;
      });
    }
  });

  // the picker's filter: by name, as the agent types
  document.addEventListener('input', function (event) {
    var filter = event.target;
    if (!filter.matches || !filter.matches('[data-canned-filter]')) {
      return;
    }
    var panel = panelOf(filter);
    var query = filter.value.trim().toLowerCase();
    var shown = 0;
    panel.querySelectorAll('[data-canned]').forEach(function (item) {
      var match = query === '' || (item.getAttribute('data-name') || '').indexOf(query) >= 0;
      item.classList.toggle('d-none', !match);
      if (match) {
        shown++;
      }
    });
    var none = panel.querySelector('[data-canned-nomatch]');
    if (none) {
      none.classList.toggle('d-none', shown > 0);
    }
  });
  document.addEventListener('keydown', function (event) {
    if (event.key === 'Enter' && event.target.matches && event.target.matches('[data-canned-filter]')) {
      event.preventDefault();
      var first = panelOf(event.target).querySelector('[data-canned]:not(.d-none)');
      if (first) {
        first.click();
      }
    }
  });
}());
