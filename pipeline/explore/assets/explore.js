/* The explorer's scripts: search (index.html), the neighbourhood graph (entity pages, with
   cytoscape.js) and the comparison (compare.html). Data comes from .js files that assign it
   (window.KG_SEARCH, window.KG_GRAPH, KG.profile(...)): pages open from file:// without a
   server, where fetch() of a JSON file is refused. */
(function () {
  "use strict";
  var KG = window.KG = window.KG || {};
  var COLOURS = {Organization: "#7aecec", Person: "#aa9cfc", Place: "#feca74", Measure: "#ffeb80",
                 Date: "#bfe1d9", Claim: "#e4e7d2", Report: "#dddddd"};

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined) { e.textContent = text; }
    return e;
  }

  function rows() {
    var data = window.KG_SEARCH, cols = data.columns;
    return data.entities.map(function (r) {
      var o = {};
      cols.forEach(function (c, i) { o[c] = r[i]; });
      o.haystack = (o.name + "|" + o.aliases + "|" + o.pinyin).toLowerCase();
      return o;
    });
  }

  /* ---------------------------------------------------------------- search */
  function initSearch() {
    var q = document.getElementById("q"), kind = document.getElementById("kind"),
        place = document.getElementById("place"), list = document.getElementById("results"),
        count = document.getElementById("count");
    var all = rows(), places = window.KG_SEARCH.places;
    places.forEach(function (p, i) {
      var o = el("option", {value: String(i)}, "\u00a0\u00a0".repeat(Math.max(p[3] - 1, 0)) + p[1]);
      place.appendChild(o);
    });
    function params() {
      var h = new URLSearchParams(location.hash.slice(1));
      if (h.has("q")) { q.value = h.get("q"); }
      if (h.has("kind")) { kind.value = h.get("kind"); }
      if (h.has("place")) { place.value = h.get("place"); }
    }
    function run() {
      var term = q.value.trim().toLowerCase(), k = kind.value, p = place.value === "" ? -1 : Number(place.value);
      var hits = all.filter(function (r) {
        return (!term || r.haystack.indexOf(term) >= 0) && (!k || r.kind === k) &&
               (p < 0 || r.places.indexOf(p) >= 0);
      });
      hits.sort(function (a, b) {
        var ea = a.name.toLowerCase() === term ? 0 : 1, eb = b.name.toLowerCase() === term ? 0 : 1;
        return ea - eb || b.n_mentions - a.n_mentions || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
      });
      list.textContent = "";
      hits.slice(0, 200).forEach(function (r) {
        var li = el("li", {"class": "hit k-" + r.kind});
        var a = el("a", {href: "e/" + r.slug + ".html"}, r.name);
        li.appendChild(a);
        li.appendChild(el("span", {"class": "kind"}, " " + r.kind + (r.subkind ? " · " + r.subkind : "")));
        if (r.place) { li.appendChild(el("span", {"class": "place"}, " " + r.place)); }
        if (r.aliases) { li.appendChild(el("span", {"class": "aliases"}, " 别名: " + r.aliases.split("|").join(" | "))); }
        li.appendChild(el("span", {"class": "n"}, " " + r.n_reports + " report(s)"));
        list.appendChild(li);
      });
      count.textContent = hits.length + " match(es)" + (hits.length > 200 ? ", the first 200 shown" : "");
      var h = new URLSearchParams();
      if (q.value) { h.set("q", q.value); }
      if (k) { h.set("kind", k); }
      if (place.value) { h.set("place", place.value); }
      history.replaceState(null, "", h.toString() ? "#" + h.toString() : location.pathname);
    }
    params();
    // (no "change" on the text box: it fires when the box loses focus, as a result is clicked)
    q.addEventListener("input", run);
    [kind, place].forEach(function (x) { x.addEventListener("change", run); });
    run();
  }

  /* ---------------------------------------------------------------- graph view */
  function initGraph() {
    var box = document.getElementById("graph"), data = window.KG_GRAPH;
    if (!box || !data || typeof window.cytoscape !== "function") { return; }
    var elements = data.nodes.map(function (n) {
      return {data: {id: n.id, label: n.label, kind: n.kind, href: n.href || "", centre: n.centre ? 1 : 0}};
    }).concat(data.edges.map(function (e, i) {
      return {data: {id: "e" + i, source: e.source, target: e.target, type: e.type, weight: e.weight}};
    }));
    var cy = window.cytoscape({
      container: box, elements: elements,
      layout: {name: "concentric", concentric: function (n) { return n.data("centre") ? 2 : 1; },
               levelWidth: function () { return 1; }, minNodeSpacing: 34, animate: false},
      style: [
        {selector: "node", style: {"label": "data(label)", "font-size": 11, "text-valign": "bottom",
          "text-margin-y": 3, "width": 18, "height": 18, "border-width": 1, "border-color": "#777",
          "background-color": function (n) { return COLOURS[n.data("kind")] || "#ccc"; }}},
        {selector: "node[centre = 1]", style: {"width": 30, "height": 30, "font-weight": "bold", "border-width": 2}},
        {selector: "edge", style: {"width": function (e) { return Math.min(1 + e.data("weight"), 6); },
          "line-color": "#bbb", "target-arrow-color": "#bbb", "target-arrow-shape": "triangle",
          "curve-style": "bezier", "label": "data(type)", "font-size": 8, "color": "#666",
          "text-rotation": "autorotate"}}
      ]
    });
    cy.on("tap", "node", function (ev) {
      var href = ev.target.data("href");
      if (href) { window.location.href = href; }
    });
    window.KG_CY = cy;
    box.setAttribute("data-nodes", String(cy.nodes().length));
  }

  /* ---------------------------------------------------------------- compare */
  var profiles = {}, waiting = {};
  KG.profile = function (slug, data) {
    profiles[slug] = data;
    (waiting[slug] || []).forEach(function (f) { f(data); });
    delete waiting[slug];
  };
  function loadProfile(slug, done) {
    if (!slug) { done(null); return; }
    if (profiles[slug]) { done(profiles[slug]); return; }
    (waiting[slug] = waiting[slug] || []).push(done);
    var s = el("script", {src: "d/" + slug + ".js"});
    s.onerror = function () { delete waiting[slug]; done(null); };
    document.body.appendChild(s);
  }

  function column(p, other) {
    var div = el("div", {"class": "side"});
    if (!p) { div.appendChild(el("p", {}, "—")); return div; }
    var shared = {};
    (other ? other.measures : []).forEach(function (m) { shared[m.name] = true; });
    var h = el("h2", {}); h.appendChild(el("a", {href: "e/" + window.KG_SLUGS[p.id] + ".html"}, p.name));
    div.appendChild(h);
    div.appendChild(el("p", {"class": "sub"}, p.kind + " · " + p.place + " · " + (p.n_reports === undefined ? p.reports.length : p.n_reports) + " report(s)"));
    function list(title, items, fmt, cls, total) {
      var n = total === undefined ? items.length : total;
      div.appendChild(el("h3", {}, title + " (" + n + (n > items.length ? ", " + items.length + " shown" : "") + ")"));
      var ul = el("ul", {"class": cls});
      items.forEach(function (x) { var li = fmt(x); ul.appendChild(li); });
      div.appendChild(ul);
    }
    list("措施 Measures", p.measures, function (m) {
      var li = el("li", {"class": shared[m.name] ? "shared" : ""}, m.name + "  " + (m.first_date || "?") +
                  (m.by.length > 1 || m.by[0] !== p.name ? "  · " + m.by.join("、") : ""));
      return li;
    }, "measures", p.n_measures);
    list("数字 Claims", p.claims, function (c) {
      var li = el("li", {}, c.text + " " + c.counted + (c.date ? "  " + c.date : ""));
      li.setAttribute("title", c.sentence);
      return li;
    }, "claims", p.n_claims);
    list("人物 People", p.people, function (x) {
      return el("li", {}, x.name + "  " + (x.roles.join("、") || "-") + " · " + x.org);
    }, "people", p.n_people);
    list("日期 Dates", p.dates, function (d) { return el("li", {}, d); }, "dates");
    return div;
  }

  function initCompare() {
    var a = document.getElementById("a"), b = document.getElementById("b"), out = document.getElementById("compare"),
        choices = document.getElementById("choices");
    var bySlug = {}, byName = {};
    window.KG_SLUGS = {};
    rows().forEach(function (r) {
      if (r.kind !== "Organization" && r.kind !== "Place") { return; }
      bySlug[r.slug] = r;
      var label = r.label = r.name + (r.place && r.kind === "Organization" ? " (" + r.place + ")" : "");
      if (!byName[label]) { byName[label] = r.slug; choices.appendChild(el("option", {value: label})); }
      if (!byName[r.name]) { byName[r.name] = r.slug; }
      r.aliases.split("|").forEach(function (x) { if (x && !byName[x]) { byName[x] = r.slug; } });
    });
    function slugOf(input) { return byName[input.value.trim()] || ""; }
    function show() {
      var sa = slugOf(a), sb = slugOf(b);
      location.hash = "a=" + sa + "&b=" + sb;
      out.textContent = "";
      if (!sa && !sb) { return; }
      loadProfile(sa, function (pa) {
        loadProfile(sb, function (pb) {
          if (pa) { window.KG_SLUGS[pa.id] = sa; }
          if (pb) { window.KG_SLUGS[pb.id] = sb; }
          out.textContent = "";
          out.appendChild(column(pa, pb));
          out.appendChild(column(pb, pa));
          out.setAttribute("data-ready", "1");
        });
      });
    }
    var h = new URLSearchParams(location.hash.slice(1));
    [["a", a], ["b", b]].forEach(function (x) {
      var s = h.get(x[0]);
      if (s && bySlug[s]) { x[1].value = bySlug[s].label; }
    });
    [a, b].forEach(function (x) { x.addEventListener("change", show); });
    if (a.value || b.value) { show(); }
  }

  document.addEventListener("DOMContentLoaded", function () {
    if (document.getElementById("results") && window.KG_SEARCH) { initSearch(); }
    if (document.getElementById("graph")) { initGraph(); }
    if (document.getElementById("compare") && window.KG_SEARCH) { initCompare(); }
  });
})();
