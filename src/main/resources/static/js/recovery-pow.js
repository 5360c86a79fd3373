// Linia, access-recovery questionnaire: the proof of work that makes sending it in bulk costly.
// Contract (io.linia.recovery.abuse.ProofOfWork): a form[data-pow] carries data-pow-token and data-pow-bits;
// this script finds a decimal counter such that SHA-256(UTF-8 of token + ":" + counter) starts with at least
// `bits` zero bits, writes it into the hidden input name="powSolution" (and the token into name="powToken";
// both are created when the form has none) and keeps the form's submit buttons disabled until then.
// Progress goes to the form's [data-pow-status] element, in the words of data-pow-working / data-pow-done
// (and data-pow-failed), which the server writes in the reader's language.
// Web Crypto where the page is a secure context (HTTPS or localhost); a plain-JS SHA-256 elsewhere.
// htmx swaps pages, so forms that arrive later are picked up on htmx:load.
(function () {
  'use strict';

  var BATCH = 512;

  function leadingZeroBits(bytes) {
    var bits = 0;
    for (var i = 0; i < bytes.length; i++) {
      var b = bytes[i];
      if (b === 0) {
        bits += 8;
        continue;
      }
      while ((b & 0x80) === 0) {
        bits++;
        b <<= 1;
      }
      return bits;
    }
    return bits;
  }

  // ---- SHA-256 in plain JS, for pages served over plain HTTP (no crypto.subtle there) ----
  var K = [
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2
  ];
  var W = new Int32Array(64);

  function sha256(bytes) {
    var length = bytes.length;
    var blocks = ((length + 9 + 63) >> 6);
    var padded = new Uint8Array(blocks * 64);
    padded.set(bytes);
    padded[length] = 0x80;
    var bitLength = length * 8;
    padded[padded.length - 4] = (bitLength >>> 24) & 0xff;
    padded[padded.length - 3] = (bitLength >>> 16) & 0xff;
    padded[padded.length - 2] = (bitLength >>> 8) & 0xff;
    padded[padded.length - 1] = bitLength & 0xff;
    var h0 = 0x6a09e667, h1 = 0xbb67ae85, h2 = 0x3c6ef372, h3 = 0xa54ff53a;
    var h4 = 0x510e527f, h5 = 0x9b05688c, h6 = 0x1f83d9ab, h7 = 0x5be0cd19;
    for (var offset = 0; offset < padded.length; offset += 64) {
      for (var t = 0; t < 16; t++) {
        var j = offset + t * 4;
        W[t] = (padded[j] << 24) | (padded[j + 1] << 16) | (padded[j + 2] << 8) | padded[j + 3];
      }
      for (t = 16; t < 64; t++) {
        var w15 = W[t - 15], w2 = W[t - 2];
        var s0 = ((w15 >>> 7) | (w15 << 25)) ^ ((w15 >>> 18) | (w15 << 14)) ^ (w15 >>> 3);
        var s1 = ((w2 >>> 17) | (w2 << 15)) ^ ((w2 >>> 19) | (w2 << 13)) ^ (w2 >>> 10);
        W[t] = (W[t - 16] + s0 + W[t - 7] + s1) | 0;
      }
      var a = h0, b = h1, c = h2, d = h3, e = h4, f = h5, g = h6, h = h7;
      for (t = 0; t < 64; t++) {
        var S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
        var ch = (e & f) ^ (~e & g);
        var temp1 = (h + S1 + ch + K[t] + W[t]) | 0;
        var S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
        var maj = (a & b) ^ (a & c) ^ (b & c);
        var temp2 = (S0 + maj) | 0;
        h = g; g = f; f = e; e = (d + temp1) | 0;
        d = c; c = b; b = a; a = (temp1 + temp2) | 0;
      }
      h0 = (h0 + a) | 0; h1 = (h1 + b) | 0; h2 = (h2 + c) | 0; h3 = (h3 + d) | 0;
      h4 = (h4 + e) | 0; h5 = (h5 + f) | 0; h6 = (h6 + g) | 0; h7 = (h7 + h) | 0;
    }
    var out = new Uint8Array(32);
    [h0, h1, h2, h3, h4, h5, h6, h7].forEach(function (word, i) {
      out[i * 4] = (word >>> 24) & 0xff;
      out[i * 4 + 1] = (word >>> 16) & 0xff;
      out[i * 4 + 2] = (word >>> 8) & 0xff;
      out[i * 4 + 3] = word & 0xff;
    });
    return out;
  }

  var encoder = new TextEncoder();
  var subtle = window.crypto && window.crypto.subtle && typeof window.crypto.subtle.digest === 'function'
    ? window.crypto.subtle : null;

  // one batch of counters; resolves to the counter that solves it, or -1
  function tryBatch(prefix, bits, from) {
    var i;
    if (subtle) {
      var digests = [];
      for (i = 0; i < BATCH; i++) {
        digests.push(subtle.digest('SHA-256', encoder.encode(prefix + (from + i))));
      }
      return Promise.all(digests).then(function (results) {
        for (var k = 0; k < results.length; k++) {
          if (leadingZeroBits(new Uint8Array(results[k])) >= bits) {
            return from + k;
          }
        }
        return -1;
      });
    }
    for (i = 0; i < BATCH; i++) {
      if (leadingZeroBits(sha256(encoder.encode(prefix + (from + i)))) >= bits) {
        return Promise.resolve(from + i);
      }
    }
    return Promise.resolve(-1);
  }

  // between batches the page gets the event loop back, so typing and scrolling stay smooth
  function nextTask() {
    return new Promise(function (resolve) {
      setTimeout(resolve, 0);
    });
  }

  /** Finds the counter; onProgress(tried) after each batch. Resolves to the counter as decimal text. */
  function solve(token, bits, onProgress) {
    var prefix = token + ':';
    function from(start) {
      return tryBatch(prefix, bits, start).then(function (found) {
        if (found >= 0) {
          return String(found);
        }
        if (onProgress) {
          onProgress(start + BATCH);
        }
        return nextTask().then(function () {
          return from(start + BATCH);
        });
      });
    }
    return from(0);
  }

  function hiddenInput(form, name) {
    var input = form.querySelector('input[name="' + name + '"]');
    if (!input) {
      input = document.createElement('input');
      input.type = 'hidden';
      input.name = name;
      form.appendChild(input);
    }
    return input;
  }

  function submitButtons(form) {
    return Array.prototype.slice.call(
      form.querySelectorAll('button:not([type]), button[type="submit"], input[type="submit"], input[type="image"]'));
  }

  function start(form) {
    if (form.hasAttribute('data-pow-started')) {
      return;
    }
    form.setAttribute('data-pow-started', '');
    var token = form.getAttribute('data-pow-token');
    var bits = parseInt(form.getAttribute('data-pow-bits'), 10);
    var status = form.querySelector('[data-pow-status]');
    var buttons = submitButtons(form);
    var solved = false;
    var startedAt = performance.now();

    function say(text) {
      if (status) {
        status.textContent = text || '';
      }
    }

    buttons.forEach(function (button) {
      button.disabled = true;
    });
    // Enter in a text field submits without the button: hold the form back until the proof is there
    form.addEventListener('submit', function (event) {
      if (!solved) {
        event.preventDefault();
      }
    });
    hiddenInput(form, 'powToken').value = token || '';
    var expected = Math.pow(2, bits);
    var working = form.getAttribute('data-pow-working') || '';
    say(working);
    if (!token || !(bits > 0)) {
      say(form.getAttribute('data-pow-failed') || '');
      return;
    }
    solve(token, bits, function (tried) {
      // the search has no end known in advance: the share of the expected work, never quite 100 %
      say(working + ' ' + Math.min(99, Math.floor(100 * tried / expected)) + ' %');
    }).then(function (solution) {
      hiddenInput(form, 'powSolution').value = solution;
      solved = true;
      form.setAttribute('data-pow-solved', '');
      form.setAttribute('data-pow-millis', String(Math.round(performance.now() - startedAt)));
      buttons.forEach(function (button) {
        button.disabled = false;
      });
      say(form.getAttribute('data-pow-done') || '');
    }, function () {
      say(form.getAttribute('data-pow-failed') || '');
    });
  }

  function startAll(root) {
    if (!root || !root.querySelectorAll) {
      return;
    }
    if (root.matches && root.matches('form[data-pow]')) {
      start(root);
    }
    Array.prototype.forEach.call(root.querySelectorAll('form[data-pow]'), start);
  }

  window.LiniaProofOfWork = { solve: solve, sha256: sha256, webCrypto: !!subtle };

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', function () {
      startAll(document);
    });
  } else {
    startAll(document);
  }
  document.addEventListener('htmx:load', function (event) {
    startAll(event.detail && event.detail.elt);
  });
}());
