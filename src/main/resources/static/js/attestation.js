// The attestation timer: counts down to the deadline the server set (data-deadline, epoch ms) and hands the attempt
// in when it is reached; the server enforces the limit itself, this only shows it.
(function () {
  function start() {
    var timer = document.getElementById('attestation-timer');
    if (!timer || timer.dataset.running) {
      return;
    }
    timer.dataset.running = '1';
    var deadline = Number(timer.dataset.deadline);
    var form = document.getElementById('attempt-form');
    var tick = function () {
      var left = Math.max(0, Math.floor((deadline - Date.now()) / 1000));
      var m = Math.floor(left / 60), s = left % 60;
      timer.textContent = m + ':' + (s < 10 ? '0' : '') + s;
      if (left <= 60) {
        timer.classList.add('text-danger');
      }
      if (left === 0) {
        clearInterval(handle);
        if (form && !form.dataset.sent) {
          form.dataset.sent = '1';
          form.submit();
        }
      }
    };
    var handle = setInterval(tick, 1000);
    tick();
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
  document.addEventListener('htmx:load', start);
})();
