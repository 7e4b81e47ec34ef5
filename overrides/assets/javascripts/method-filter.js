// Filter for the method index: builds an accessible form above the table and hides rows
// whose facets do not fit. Without JavaScript the full table stays as it is. The filter keeps
// its state in the address (?format=hybrid&phase=…&personen=12&minuten=45), so a reload, the
// back button or a shared link shows the same selection.
(function () {
  "use strict";

  function field(label, control) {
    var wrap = document.createElement("label");
    wrap.className = "method-filter__field";
    wrap.appendChild(document.createTextNode(label + " "));
    wrap.appendChild(control);
    return wrap;
  }

  function select(name, options) {
    var el = document.createElement("select");
    el.name = name;
    [["", "alle"]].concat(options.map(function (o) { return [o, o]; })).forEach(function (o) {
      var opt = document.createElement("option");
      opt.value = o[0];
      opt.textContent = o[1];
      el.appendChild(opt);
    });
    return el;
  }

  function number(name, placeholder) {
    var el = document.createElement("input");
    el.type = "number";
    el.min = "1";
    el.name = name;
    el.placeholder = placeholder;
    el.inputMode = "numeric";
    return el;
  }

  function setup(container) {
    var facets = JSON.parse(container.getAttribute("data-facets"));
    var rows = container.querySelectorAll("tbody tr");
    if (rows.length !== facets.length) return;

    var form = document.createElement("form");
    form.className = "method-filter";
    form.setAttribute("role", "search");
    form.setAttribute("aria-label", "Methoden filtern");
    var setting = select("setting", ["Präsenz", "online", "hybrid"]);
    var phase = select("phase", ["Einsteigen", "Erarbeiten", "Integrieren", "Auswerten"]);
    var group = number("group", "z. B. 12");
    var minutes = number("minutes", "z. B. 45");
    form.appendChild(field("Format", setting));
    form.appendChild(field("Lernphase", phase));
    form.appendChild(field("Gruppengröße (Personen)", group));
    form.appendChild(field("Verfügbare Zeit (Minuten)", minutes));
    var reset = document.createElement("button");
    reset.type = "reset";
    reset.className = "md-button";
    reset.textContent = "Filter zurücksetzen";
    form.appendChild(reset);
    var status = document.createElement("p");
    status.className = "method-filter__status";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");

    var PARAMS = { setting: "format", phase: "phase", group: "personen", minutes: "minuten" };
    var controls = { setting: setting, phase: phase, group: group, minutes: minutes };

    function restore() {
      var query = new URLSearchParams(window.location.search);
      Object.keys(PARAMS).forEach(function (key) {
        var value = query.get(PARAMS[key]);
        if (value === null) return;
        var control = controls[key];
        if (control.tagName === "SELECT") {
          if (Array.prototype.some.call(control.options, function (o) { return o.value === value; })) control.value = value;
        } else if (/^\d+$/.test(value)) {
          control.value = value;
        }
      });
    }

    function remember() {
      var query = new URLSearchParams(window.location.search);
      Object.keys(PARAMS).forEach(function (key) {
        var value = controls[key].value;
        if (value) query.set(PARAMS[key], value); else query.delete(PARAMS[key]);
      });
      var search = query.toString();
      try {
        history.replaceState(history.state, "", window.location.pathname + (search ? "?" + search : "") + window.location.hash);
      } catch (e) { /* file:// in some browsers: the filter still works, without memory */ }
    }

    function apply() {
      var shown = 0;
      var n = parseInt(group.value, 10);
      var t = parseInt(minutes.value, 10);
      facets.forEach(function (f, i) {
        var ok = (!setting.value || f.settings.indexOf(setting.value) >= 0) &&
          (!phase.value || f.phases.indexOf(phase.value) >= 0) &&
          (isNaN(n) || (f.group[0] <= n && n <= f.group[1])) &&
          (isNaN(t) || f.minutes[0] <= t);
        rows[i].hidden = !ok;
        if (ok) shown += 1;
      });
      status.textContent = shown ? shown + " von " + facets.length + " Methoden passen." :
        "Keine der " + facets.length + " Methoden passt zu allen Angaben. Ändern Sie einen Filter " +
        "oder setzen Sie die Filter zurück.";
      container.hidden = shown === 0;
      remember();
    }

    form.addEventListener("input", apply);
    form.addEventListener("change", apply);
    form.addEventListener("reset", function () { setTimeout(apply, 0); });
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    container.parentNode.insertBefore(form, container);
    container.parentNode.insertBefore(status, container);
    restore();
    apply();
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll(".method-index[data-facets]"), setup);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
