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
  var reportFor = document.getElementById('report-for');
  var running = 0;
  var lastKey = null; // the inputs of the report on screen, so an unchanged form is not evaluated twice
  var bundleLabel = ''; // where the bundle in the text box came from: 'file x.json', 'sample y.json' or 'pasted bundle'
  var samples = {};     // sample file name -> the date its story is written for
  var shortNames = {};  // regimen id -> short name (Isa-Kd) from the rulebase's catalogue, for the regimen switch
  var HINT = hint.textContent;

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

  function loadRegimenNames() {
    // Without them the switch falls back to full names (it wraps, but works).
    fetch('/review/regimens').then(function (r) { return r.ok ? r.json() : {}; })
      .then(function (names) { shortNames = names || {}; }).catch(function () { shortNames = {}; });
  }

  function loadSamples() {
    fetch('/review/samples').then(function (r) { return r.json(); }).then(function (list) {
      list.forEach(function (s) {
        var o = document.createElement('option');
        o.value = s.name;
        o.textContent = s.title + (s.asOf ? ' (as of ' + s.asOf + ')' : '');
        samples[s.name] = s.asOf || null;
        sampleSelect.appendChild(o);
      });
    }).catch(function () { setStatus('The sample list could not be loaded.', true); });
  }

  // A report stays on screen only while it belongs to the bundle and settings in the form. Whenever that is no
  // longer certain (a new bundle is being loaded, an evaluation has started, anything failed) it is removed, so a
  // previous patient's report can never sit beside a new patient's error or wait.
  function clearReport(hintText) {
    running++; // answers still on their way belong to the cleared report
    lastKey = null;
    report.textContent = '';
    regimens.textContent = '';
    regimens.hidden = true;
    reportFor.textContent = '';
    reportFor.hidden = true;
    hint.textContent = hintText || HINT;
    hint.hidden = false;
  }

  function fail(message) {
    clearReport('No report: the bundle could not be evaluated (the reason is under "Show report").');
    setStatus(message, true);
  }

  function run(force) {
    var text = bundleText.value.trim();
    if (!text) { fail('No bundle: open a file, paste a FHIR R4 Bundle or pick a sample.'); return; }
    if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf.value)) { fail('As of must be a date YYYY-MM-DD.'); return; }
    var key = asOf.value + '|' + jurisdiction() + '|' + partial.checked + '|' + text;
    if (!force && key === lastKey) return;
    var label = bundleLabel || 'pasted bundle';
    var request = { asOf: asOf.value, jurisdiction: jurisdiction(), label: label };
    clearReport('Evaluating ' + label + '…');
    lastKey = key;
    var ticket = running;
    setStatus('Evaluating ' + label + ' as of ' + request.asOf + ' (' + request.jurisdiction + ')…', false);
    var url = '/review/report?asOf=' + encodeURIComponent(request.asOf) + '&jurisdiction=' + encodeURIComponent(request.jurisdiction)
      + '&allowPartial=' + (partial.checked ? 'true' : 'false');
    fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/fhir+json' }, body: text })
      .then(function (r) {
        return r.text().then(function (body) {
          return { ok: r.ok, status: r.status, body: body, patient: r.headers.get('X-Patient') };
        });
      })
      .then(function (res) {
        if (ticket !== running) return; // a newer request or a new bundle replaced this one
        if (!res.ok) {
          fail(label + ': ' + (res.body || ('the server answered ' + res.status + '.')));
          return;
        }
        show(res.body, request, res.patient);
        var n = report.querySelectorAll('.option').length;
        setStatus('Report for ' + label + ' as of ' + request.asOf + ', ' + request.jurisdiction + ': ' + n + ' ranked option(s).', false);
      })
      .catch(function (e) {
        if (ticket !== running) return;
        fail(label + ': the server could not be reached: ' + e.message);
      });
  }

  function show(html, request, patient) {
    report.innerHTML = html; // server-rendered, escaped by its templates
    var article = report.querySelector('article');
    var id = patient || (article && article.getAttribute('data-patient')) || 'unknown';
    reportFor.textContent = 'Report for ' + request.label + ' · patient ' + id + ' · as of ' + request.asOf
      + ' · ' + request.jurisdiction;
    reportFor.hidden = false;
    hint.hidden = true;
    buildRegimenSwitch();
    makeLinesExpandable();
  }

  function buildRegimenSwitch() {
    regimens.textContent = '';
    var options = report.querySelectorAll('.option[data-regimen]');
    if (!options.length) { regimens.hidden = true; return; }
    var all = button('All ranked options', null, null);
    regimens.appendChild(all);
    Array.prototype.forEach.call(options, function (o) {
      var title = o.querySelector('h3 span');
      var id = o.getAttribute('data-regimen');
      var heading = title ? title.textContent : id; // "5. Isatuximab + pomalidomide + dexamethasone"
      regimens.appendChild(button(shortNames[id] || heading, id, heading.replace(/^\d+\.\s*/, '')));
    });
    regimens.hidden = false;
    select(null);
  }

  function button(label, regimen, fullName) {
    var b = document.createElement('button');
    b.type = 'button';
    b.textContent = label;
    if (fullName && fullName !== label) { b.title = fullName; b.setAttribute('aria-label', fullName); }
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
      id.textContent = a.getAttribute('href').slice('#ev-'.length) + ': ';   // the link text carries the brackets
      p.appendChild(id);
      p.appendChild(document.createTextNode(cells.length ? cells[cells.length - 1].textContent : row.textContent));
      box.appendChild(p);
    });
    return box;
  }

  // Loading another bundle: the text box and the label change together, and the old report goes at once.
  function loading(label) {
    bundleText.value = '';
    bundleLabel = label;
    source.textContent = 'Loading ' + label + '…';
    clearReport('Loading ' + label + '…');
  }

  fileInput.addEventListener('change', function () {
    var f = fileInput.files && fileInput.files[0];
    if (!f) return;
    sampleSelect.value = '';
    loading('file ' + f.name);
    var ticket = running;
    var reader = new FileReader();
    reader.onload = function () {
      if (ticket !== running) return; // another bundle was chosen meanwhile
      bundleText.value = String(reader.result);
      source.textContent = 'Opened ' + f.name + ' (' + f.size + ' bytes).';
      run();
    };
    reader.onerror = function () {
      if (ticket !== running) return;
      fail('file ' + f.name + ' could not be read.');
    };
    reader.readAsText(f);
  });

  sampleSelect.addEventListener('change', function () {
    var name = sampleSelect.value;
    if (!name) return;
    fileInput.value = '';
    loading('sample ' + name);
    var ticket = running;
    // Samples are stories written for one evaluation date; evaluating them on another would change their washouts.
    if (samples[name]) asOf.value = samples[name];
    fetch('/review/samples/' + encodeURIComponent(name)).then(function (r) {
      if (!r.ok) throw new Error('sample ' + name + ' not found');
      return r.text();
    }).then(function (text) {
      if (ticket !== running) return;
      bundleText.value = text;
      source.textContent = 'Sample ' + name + (samples[name] ? ', written for as of ' + samples[name] : '') + '.';
      run();
    }).catch(function (e) {
      if (ticket !== running) return;
      fail(e.message);
    });
  });

  // Typing in the text box makes it a different bundle: the report of the old text is no longer its report.
  bundleText.addEventListener('input', function () {
    if (bundleLabel !== 'pasted bundle' || report.childNodes.length) {
      sampleSelect.value = '';
      fileInput.value = '';
      bundleLabel = 'pasted bundle';
      source.textContent = 'Pasted bundle (' + bundleText.value.length + ' characters); press Show report.';
      clearReport('The bundle was edited: press Show report.');
      setStatus('', false);
    }
  });

  Array.prototype.forEach.call(form.querySelectorAll('input[name=jurisdiction]'), function (r) {
    r.addEventListener('change', function () { if (bundleText.value.trim()) run(); });
  });
  asOf.addEventListener('change', function () { if (bundleText.value.trim()) run(); });
  partial.addEventListener('change', function () { if (bundleText.value.trim()) run(); });
  form.addEventListener('submit', function (e) { e.preventDefault(); run(true); });

  asOf.value = isoToday();
  loadRegimenNames();
  loadSamples();
})();
