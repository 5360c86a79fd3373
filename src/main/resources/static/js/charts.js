// Charts of Linia's pages: a <canvas class="linia-chart" data-chart='{Chart.js configuration}'> is drawn with
// Chart.js, loaded on the first page that has one. Data only in the page (the CSP allows no inline script);
// the same numbers are in the table next to each chart.
(function () {
  var loading = null;

  function chartJs() {
    if (window.Chart) return Promise.resolve(window.Chart);
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        var script = document.createElement('script');
        script.src = (document.querySelector('link[href*="/css/linia.css"]') || {href: '/css/linia.css'})
            .href.replace(/\/css\/linia\.css.*$/, '/webjars/chart.js/dist/chart.umd.js');
        script.onload = function () { resolve(window.Chart); };
        script.onerror = reject;
        document.head.appendChild(script);
      });
    }
    return loading;
  }

  function draw(root) {
    var canvases = (root || document).querySelectorAll('canvas.linia-chart:not([data-drawn])');
    if (!canvases.length) return;
    chartJs().then(function (Chart) {
      canvases.forEach(function (canvas) {
        if (canvas.getAttribute('data-drawn')) return;
        canvas.setAttribute('data-drawn', 'true');
        var existing = Chart.getChart(canvas);
        if (existing) existing.destroy();
        new Chart(canvas, JSON.parse(canvas.getAttribute('data-chart')));
      });
    });
  }

  document.addEventListener('DOMContentLoaded', function () { draw(document); });
  document.addEventListener('htmx:load', function (event) { draw(event.target); });
})();
