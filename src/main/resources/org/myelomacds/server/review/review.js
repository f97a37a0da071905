// Case-review page: load a bundle, ask the server for the report fragment, and make it explorable.
// No framework and nothing from another origin; the report HTML comes from the application itself.
(function () {
  'use strict';
  var form = document.getElementById('case-form');
  var fileInput = document.getElementById('file');
  var sampleSelect = document.getElementById('sample');
  var bundleText = document.getElementById('bundle');
  var asOf = document.getElementById('asof');
  var partial = document.getElementById('partial');
  var status = document.getElementById('status');
  var source = document.getElementById('source');
  var report = document.getElementById('report');
  var regimens = document.getElementById('regimens');
  var hint = document.getElementById('hint');
  var running = 0;
  var lastKey = null; // the inputs of the report on screen, so an unchanged form is not evaluated twice

  function isoToday() {
    var d = new Date();
    function two(n) { return (n < 10 ? '0' : '') + n; }
    return d.getFullYear() + '-' + two(d.getMonth() + 1) + '-' + two(d.getDate());
  }

  function jurisdiction() {
    var checked = form.querySelector('input[name=jurisdiction]:checked');
    return checked ? checked.value : 'US';
  }

  function setStatus(text, isError) {
    status.textContent = text;
    status.className = 'status' + (isError ? ' error' : '');
    if (isError) status.setAttribute('role', 'alert'); else status.setAttribute('role', 'status');
  }

  function loadSamples() {
    fetch('/review/samples').then(function (r) { return r.json(); }).then(function (list) {
      list.forEach(function (s) {
        var o = document.createElement('option');
        o.value = s.name;
        o.textContent = s.title;
        sampleSelect.appendChild(o);
      });
    }).catch(function () { setStatus('The sample list could not be loaded.', true); });
  }

  function run(force) {
    var text = bundleText.value.trim();
    if (!text) { setStatus('No bundle: open a file, paste a FHIR R4 Bundle or pick a sample.', true); return; }
    if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf.value)) { setStatus('As of must be a date YYYY-MM-DD.', true); return; }
    var key = asOf.value + '|' + jurisdiction() + '|' + partial.checked + '|' + text;
    if (!force && key === lastKey) return;
    lastKey = key;
    var ticket = ++running;
    setStatus('Evaluating as of ' + asOf.value + ' (' + jurisdiction() + ')…', false);
    var url = '/review/report?asOf=' + encodeURIComponent(asOf.value) + '&jurisdiction=' + encodeURIComponent(jurisdiction())
      + '&allowPartial=' + (partial.checked ? 'true' : 'false');
    fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/fhir+json' }, body: text })
      .then(function (r) { return r.text().then(function (body) { return { ok: r.ok, status: r.status, body: body }; }); })
      .then(function (res) {
        if (ticket !== running) return; // a newer request is on its way
        if (!res.ok) {
          lastKey = null;
          setStatus(res.body || ('The server answered ' + res.status + '.'), true);
          return;
        }
        show(res.body);
        var n = report.querySelectorAll('.option').length;
        setStatus('Report for ' + asOf.value + ', ' + jurisdiction() + ': ' + n + ' ranked option(s).', false);
      })
      .catch(function (e) {
        if (ticket !== running) return;
        lastKey = null;
        setStatus('The server could not be reached: ' + e.message, true);
      });
  }

  function show(html) {
    report.innerHTML = html; // server-rendered, escaped by its templates
    hint.hidden = true;
    buildRegimenSwitch();
    makeLinesExpandable();
  }

  function buildRegimenSwitch() {
    regimens.textContent = '';
    var options = report.querySelectorAll('.option[data-regimen]');
    if (!options.length) { regimens.hidden = true; return; }
    var all = button('All ranked options', null);
    regimens.appendChild(all);
    Array.prototype.forEach.call(options, function (o) {
      var title = o.querySelector('h3 span');
      regimens.appendChild(button(title ? title.textContent : o.getAttribute('data-regimen'), o.getAttribute('data-regimen')));
    });
    regimens.hidden = false;
    select(null);
  }

  function button(label, regimen) {
    var b = document.createElement('button');
    b.type = 'button';
    b.textContent = label;
    b.setAttribute('data-regimen', regimen || '');
    b.addEventListener('click', function () { select(regimen); });
    return b;
  }

  function select(regimen) {
    Array.prototype.forEach.call(regimens.querySelectorAll('button'), function (b) {
      b.setAttribute('aria-pressed', String((b.getAttribute('data-regimen') || null) === regimen));
    });
    Array.prototype.forEach.call(report.querySelectorAll('.option[data-regimen]'), function (o) {
      o.classList.toggle('hidden-by-switch', regimen !== null && o.getAttribute('data-regimen') !== regimen);
    });
  }

  function makeLinesExpandable() {
    Array.prototype.forEach.call(report.querySelectorAll('.line'), function (line, i) {
      var meta = line.querySelector('.meta');
      if (!meta) return;
      var b = document.createElement('button');
      b.type = 'button';
      b.className = 'expand';
      b.textContent = 'details';
      b.setAttribute('aria-expanded', 'false');
      if (!meta.id) meta.id = 'meta-' + i;
      b.setAttribute('aria-controls', meta.id);
      var detail = evidenceDetail(line);
      if (detail) meta.appendChild(detail);
      b.addEventListener('click', function () {
        var open = line.classList.toggle('open');
        b.setAttribute('aria-expanded', String(open));
        b.textContent = open ? 'hide details' : 'details';
      });
      meta.parentNode.insertBefore(b, meta);
    });
  }

  // The evidence behind a line, copied as text from its rows in the evidence table.
  function evidenceDetail(line) {
    var links = line.querySelectorAll('.cites a[href^="#ev-"]');
    if (!links.length) return null;
    var box = document.createElement('div');
    box.className = 'evidence-detail';
    Array.prototype.forEach.call(links, function (a) {
      var row = document.getElementById(a.getAttribute('href').slice(1));
      if (!row) return;
      var cells = row.querySelectorAll('td');
      var p = document.createElement('p');
      var id = document.createElement('strong');
      id.textContent = a.textContent + ': ';
      p.appendChild(id);
      p.appendChild(document.createTextNode(cells.length ? cells[cells.length - 1].textContent : row.textContent));
      box.appendChild(p);
    });
    return box;
  }

  fileInput.addEventListener('change', function () {
    var f = fileInput.files && fileInput.files[0];
    if (!f) return;
    var reader = new FileReader();
    reader.onload = function () {
      bundleText.value = String(reader.result);
      sampleSelect.value = '';
      source.textContent = 'Opened ' + f.name + ' (' + f.size + ' bytes).';
      run();
    };
    reader.onerror = function () { setStatus('The file could not be read.', true); };
    reader.readAsText(f);
  });

  sampleSelect.addEventListener('change', function () {
    var name = sampleSelect.value;
    if (!name) return;
    fetch('/review/samples/' + encodeURIComponent(name)).then(function (r) {
      if (!r.ok) throw new Error('sample ' + name + ' not found');
      return r.text();
    }).then(function (text) {
      bundleText.value = text;
      source.textContent = 'Sample ' + name + '.';
      run();
    }).catch(function (e) { setStatus(e.message, true); });
  });

  Array.prototype.forEach.call(form.querySelectorAll('input[name=jurisdiction]'), function (r) {
    r.addEventListener('change', function () { if (bundleText.value.trim()) run(); });
  });
  asOf.addEventListener('change', function () { if (bundleText.value.trim()) run(); });
  partial.addEventListener('change', function () { if (bundleText.value.trim()) run(); });
  form.addEventListener('submit', function (e) { e.preventDefault(); run(true); });

  asOf.value = isoToday();
  loadSamples();
})();
