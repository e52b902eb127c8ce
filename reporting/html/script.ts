// The inline script of report.html: the filters (verdict, tier, text on the
// rule id) over the matrix rows and the evidence sections. It reads nothing but
// the page itself and its own query string (?verdict=fail,inconclusive&tier=core&q=put.),
// so a filtered view can be shared as a link and the page works offline.
// Without scripts the page shows everything and hides the filter bar.
export const SCRIPT = `
(function () {
  'use strict';
  var root = document.documentElement;
  var form = document.getElementById('filters');
  if (!form) return;
  root.classList.add('js');
  var all = function (sel, el) { return Array.prototype.slice.call((el || document).querySelectorAll(sel)); };
  var boxes = all('input[name=verdict]', form);
  var rows = all('tr.rule');
  var groups = all('tbody.group-body');
  var articles = all('article.evidence');
  var shown = document.getElementById('shown');

  function state() {
    var verdicts = {};
    boxes.forEach(function (b) { if (b.checked) verdicts[b.value] = true; });
    return { verdicts: verdicts, tier: form.elements.tier.value, q: form.elements.q.value.trim().toLowerCase() };
  }
  function matches(el, s) {
    return !!s.verdicts[el.getAttribute('data-verdict')] &&
      (!s.tier || el.getAttribute('data-tier') === s.tier) &&
      (!s.q || el.getAttribute('data-id').toLowerCase().indexOf(s.q) >= 0);
  }
  function apply() {
    var s = state();
    var visible = 0;
    rows.forEach(function (r) { r.hidden = !matches(r, s); if (!r.hidden) visible++; });
    groups.forEach(function (g) { g.hidden = all('tr.rule', g).every(function (r) { return r.hidden; }); });
    articles.forEach(function (a) { a.hidden = !matches(a, s); });
    shown.textContent = visible + ' of ' + rows.length + ' rules';
  }
  function preset(which) {
    boxes.forEach(function (b) { b.checked = which === 'all' || ['fail', 'inconclusive', 'expected-fail'].indexOf(b.value) >= 0; });
    if (which === 'all') { form.elements.tier.value = ''; form.elements.q.value = ''; }
    apply();
  }

  var params = new URLSearchParams(location.search);
  if (params.has('verdict')) {
    var wanted = params.get('verdict').split(',');
    boxes.forEach(function (b) { b.checked = wanted.indexOf(b.value) >= 0; });
  }
  if (params.has('tier')) form.elements.tier.value = params.get('tier');
  if (params.has('q')) form.elements.q.value = params.get('q');

  form.addEventListener('input', apply);
  form.addEventListener('change', apply);
  form.addEventListener('submit', function (e) { e.preventDefault(); });
  all('button[data-preset]', form).forEach(function (b) {
    b.addEventListener('click', function () { preset(b.getAttribute('data-preset')); });
  });
  apply();
  root.setAttribute('data-filters', 'ready');
})();
`;
