// Practice example form (docs/praxis/mitmachen.md, webviews.practice_form): turns plain fields
// into a Markdown file with front matter `kind: practice` (model.Practice) to download or copy.
// Runs in the browser only: nothing is sent anywhere.
(function () {
  "use strict";

  // A YAML double-quoted scalar: always valid, whatever the text contains.
  function quoted(text) {
    return '"' + String(text).replace(/\\/g, "\\\\").replace(/"/g, '\\"')
      .replace(/\r?\n/g, " ").replace(/\s+/g, " ").trim() + '"';
  }

  function slug(text) {
    return String(text).toLowerCase()
      .replace(/\(erfunden\)/g, "")
      .replace(/ä/g, "ae").replace(/ö/g, "oe").replace(/ü/g, "ue").replace(/ß/g, "ss")
      .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  }

  // praxis-<first long word of the title>-<place>, e.g. praxis-familienzentren-ahornbach
  function identifier(title, municipality) {
    var word = (slug(title).split("-").filter(function (w) { return w.length > 4; })[0]) || "beispiel";
    var place = slug(municipality).split("-").filter(function (w) {
      return ["stadt", "gemeinde", "landkreis", "kreis", "region", "markt"].indexOf(w) < 0;
    }).join("-") || "ort";
    return ("praxis-" + word + "-" + place).replace(/-+/g, "-").slice(0, 60).replace(/-$/, "");
  }

  function setup(wrap) {
    var form = wrap.querySelector("form");
    var result = wrap.querySelector(".practice-form__result");
    var output = wrap.querySelector("#pf-output");
    var download = wrap.querySelector("#pf-download");
    var copy = wrap.querySelector("#pf-copy");
    var status = wrap.querySelector(".practice-form__status");
    var sections = JSON.parse(wrap.getAttribute("data-sections"));
    var url = null;

    function value(name) { return (form.elements[name].value || "").trim(); }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var missing = Array.prototype.filter.call(form.querySelectorAll("[required]"), function (el) {
        return !el.value.trim();
      });
      var year = parseInt(value("year"), 10);
      if (value("year") && (isNaN(year) || year < 2000 || year > 2100)) missing.push(form.elements.year);
      Array.prototype.forEach.call(form.querySelectorAll("[aria-invalid]"), function (el) {
        el.removeAttribute("aria-invalid");
      });
      if (missing.length) {
        missing.forEach(function (el) { el.setAttribute("aria-invalid", "true"); });
        var names = missing.map(function (el) { return form.querySelector('label[for="' + el.id + '"]').textContent; });
        status.textContent = "Bitte ergänzen: " + names.join(", ") + ".";
        missing[0].focus();
        return;
      }
      var id = identifier(value("title"), value("municipality"));
      var modules = Array.prototype.filter.call(form.elements.modules, function (b) { return b.checked; })
        .map(function (b) { return b.value; });
      var lines = [
        "---",
        "kind: practice",
        "id: " + id,
        "title: " + quoted(value("title")),
        "municipality: " + quoted(value("municipality")),
        "field: " + quoted(value("field")),
        "network_type: " + quoted(value("network_type")),
        "summary: " + quoted(value("summary")),
        "contact_role: " + quoted(value("contact_role")),
        "year: " + year,
        "modules: [" + modules.join(", ") + "]",
        "---",
        ""
      ];
      sections.forEach(function (s) {
        lines.push("## " + s.title, "", value(s.key).replace(/\r\n/g, "\n"), "");
      });
      var text = lines.join("\n");
      output.value = text;
      if (url) URL.revokeObjectURL(url);
      url = URL.createObjectURL(new Blob([text], { type: "text/markdown;charset=utf-8" }));
      download.href = url;
      download.setAttribute("download", id + ".md");
      result.hidden = false;
      status.textContent = "Die Datei " + id + ".md ist fertig. Laden Sie sie herunter oder kopieren Sie den Text.";
      output.focus();
    });

    copy.addEventListener("click", function () {
      output.select();
      var done = function () { status.textContent = "Der Text ist in der Zwischenablage."; };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(output.value).then(done, function () { document.execCommand("copy"); done(); });
      } else {
        document.execCommand("copy");
        done();
      }
    });
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll(".practice-form-wrap"), setup);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
