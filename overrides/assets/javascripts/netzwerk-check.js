// Netzwerk-Check: scores per dimension, saves and loads answers as JSON files, compares two
// results and shows the spread of several. Everything stays in the page: no server, no
// cookies, no localStorage. Statements, dimensions and scale come from the page (data-netcheck,
// rendered from docs/netzwerk-check.md). On every other page this script does nothing.
(function () {
  "use strict";

  var FORMAT = "netzwerk-check";

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      if (key === "text") node.textContent = attrs[key];
      else node.setAttribute(key, attrs[key]);
    });
    (children || []).forEach(function (child) {
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  function pct(n, m) { return m ? Math.round((100 * n) / m) : null; }
  function pctText(p) { return p === null ? "–" : p + " %"; }
  function signed(d) { return (d > 0 ? "+" : d < 0 ? "−" : "±") + Math.abs(d); }

  function germanDate(iso) {
    var m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso || "");
    return m ? m[3] + "." + m[2] + "." + m[1] : "ohne Datum";
  }

  function today() {
    var d = new Date();
    var pad = function (x) { return (x < 10 ? "0" : "") + x; };
    return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate());
  }

  function setup(form) {
    var data = JSON.parse(form.getAttribute("data-netcheck"));
    var top = Math.max.apply(null, data.scale.map(function (p) { return p.points; }));
    var result = document.getElementById("netcheck-result");
    var status = form.querySelector(".netcheck__status");
    var fileInput = form.querySelector("#nc-file");
    var nameInput = form.querySelector("#nc-network");
    var loaded = [];

    form.querySelector(".netcheck__actions").hidden = false;
    form.addEventListener("submit", function (e) { e.preventDefault(); });

    // --- answers ---------------------------------------------------------------------------

    function currentAnswers() {
      var answers = {};
      data.statements.forEach(function (s) {
        var checked = form.querySelector('input[name="nc-' + s.id + '"]:checked');
        if (checked) answers[s.id] = checked.value === "unknown" ? null : Number(checked.value);
      });
      return answers;
    }

    function restore(record) {
      data.statements.forEach(function (s) {
        form.querySelectorAll('input[name="nc-' + s.id + '"]').forEach(function (input) {
          var value = record.answers[s.id];
          input.checked = s.id in record.answers &&
            (value === null ? input.value === "unknown" : input.value === String(value));
        });
      });
      nameInput.value = record.network || "";
    }

    function score(answers) {
      return data.dimensions.map(function (d) {
        var n = 0, m = 0, unknown = 0, open = 0;
        data.statements.forEach(function (s) {
          if (s.dimension !== d.id) return;
          if (!(s.id in answers)) open += 1;
          else if (answers[s.id] === null) unknown += 1;
          else { n += answers[s.id]; m += top; }
        });
        return { dimension: d, n: n, m: m, pct: pct(n, m), unknown: unknown, open: open };
      });
    }

    // --- output helpers --------------------------------------------------------------------

    function bar(p, label) {
      var fill = el("span", { "class": "netcheck-bar__fill" });
      fill.style.width = (p || 0) + "%";
      return el("span", { "class": "netcheck-bar" + (label ? " netcheck-bar--" + label : ""), "aria-hidden": "true" }, [fill]);
    }

    function table(caption, head, rows) {
      // focusable and named, so a table wider than a phone can be scrolled with the keyboard
      return el("div", { "class": "md-typeset__scrollwrap", tabindex: "0", role: "region", "aria-label": caption }, [
        el("div", { "class": "md-typeset__table" }, [
          el("table", {}, [  // no class: Material styles plain tables
            el("caption", { text: caption }),
            el("thead", {}, [el("tr", {}, head.map(function (h) { return el("th", { scope: "col", text: h }); }))]),
            el("tbody", {}, rows.map(function (row) {
              return el("tr", {}, row.map(function (cell, i) {
                return el(i === 0 ? "th" : "td", i === 0 ? { scope: "row", text: cell } : { text: cell });
              }));
            }))
          ])
        ])
      ]);
    }

    function talkFor(dimensionId) {
      var source = document.querySelector('.netcheck-talk__dimension[data-dimension="' + dimensionId + '"]');
      var box = el("div", { "class": "netcheck-result__talk" });
      if (!source) return box;
      Array.prototype.forEach.call(source.children, function (child) {
        if (!/^H\d$/.test(child.tagName)) {
          var copy = child.cloneNode(true);
          copy.querySelectorAll("[id]").forEach(function (n) { n.removeAttribute("id"); });
          box.appendChild(copy);
        }
      });
      return box;
    }

    function show(heading, nodes, message) {
      result.textContent = "";
      var h = el("h2", { tabindex: "-1", text: heading });
      result.appendChild(h);
      nodes.forEach(function (n) { result.appendChild(n); });
      status.textContent = message;
      h.focus();
    }

    function describe(record, fallback) {
      var who = record.network ? record.network + ", " : "";
      return who + germanDate(record.date) + (fallback ? " (" + fallback + ")" : "");
    }

    // --- views -----------------------------------------------------------------------------

    function evaluate() {
      var answers = currentAnswers();
      var rows = score(answers);
      var answered = Object.keys(answers).length;
      var open = data.statements.length - answered;
      var list = el("ul", { "class": "netcheck-chart" }, rows.map(function (r) {
        var text = r.m ? r.n + " von " + r.m + " Punkten (" + r.pct + " %)" : "keine Einschätzung";
        var notes = [];
        if (r.unknown) notes.push(r.unknown + " × „" + data.unknown + "“");
        if (r.open) notes.push(r.open + " offen");
        return el("li", { "class": "netcheck-chart__row" }, [
          el("span", { "class": "netcheck-chart__label", text: r.dimension.title }),
          bar(r.pct),
          el("span", { "class": "netcheck-chart__value", text: text + (notes.length ? "; " + notes.join(", ") : "") })
        ]);
      }));
      var details = rows.map(function (r) {
        return el("section", { "class": "netcheck-result__dimension" }, [
          el("h3", { text: r.dimension.title + ": " + pctText(r.pct) }),
          talkFor(r.dimension.id)
        ]);
      });
      var nodes = [
        el("p", { text: open ? open + " von " + data.statements.length + (open === 1 ? " Aussagen ist" : " Aussagen sind") +
          " noch offen; offene Aussagen zählen nicht mit." :
          "Alle " + data.statements.length + " Aussagen sind beantwortet." }),
        list,
        table("Punkte je Dimension", ["Dimension", "Punkte", "möglich", "Prozent", data.unknown, "offen"],
          rows.map(function (r) {
            return [r.dimension.title, String(r.n), String(r.m), pctText(r.pct), String(r.unknown), String(r.open)];
          })),
        el("h3", { text: "Gesprächsfragen und Einheiten" })
      ].concat(details);
      show("Ergebnis je Dimension", nodes, "Die Auswertung steht unter dem Fragebogen: " + rows.length + " Dimensionen.");
    }

    function compare(before, after) {
      var a = score(before.answers), b = score(after.answers);
      var first = describe(before, before.label), second = describe(after, after.label);
      var list = el("ul", { "class": "netcheck-chart" }, a.map(function (r, i) {
        var s = b[i];
        var diff = r.pct === null || s.pct === null ? null : s.pct - r.pct;
        return el("li", { "class": "netcheck-chart__row netcheck-chart__row--pair" }, [
          el("span", { "class": "netcheck-chart__label", text: r.dimension.title }),
          bar(r.pct, "before"),
          el("span", { "class": "netcheck-chart__value", text: "vorher " + pctText(r.pct) }),
          bar(s.pct, "after"),
          el("span", { "class": "netcheck-chart__value", text: "nachher " + pctText(s.pct) +
            (diff === null ? "" : " (" + signed(diff) + " Prozentpunkte)") })
        ]);
      }));
      var rows = a.map(function (r, i) {
        var s = b[i];
        var diff = r.pct === null || s.pct === null ? "–" : signed(s.pct - r.pct);
        return [r.dimension.title, r.n + " von " + r.m + " (" + pctText(r.pct) + ")",
          s.n + " von " + s.m + " (" + pctText(s.pct) + ")", diff];
      });
      show("Vergleich", [
        el("p", { text: "Vorher: " + first + ". Nachher: " + second + "." }),
        list,
        table("Vergleich je Dimension", ["Dimension", "vorher", "nachher", "Veränderung (Prozentpunkte)"], rows)
      ], "Der Vergleich von zwei Ergebnissen steht unter dem Fragebogen.");
    }

    function step(points) {
      for (var i = 0; i < data.scale.length; i++) if (data.scale[i].points === points) return i;
      return 0;
    }

    function spread(records) {
      var perDim = data.dimensions.map(function (d, i) {
        var values = records.map(function (r) { return score(r.answers)[i].pct; })
          .filter(function (p) { return p !== null; });
        var min = values.length ? Math.min.apply(null, values) : null;
        var max = values.length ? Math.max.apply(null, values) : null;
        return { dimension: d, min: min, max: max, n: values.length };
      });
      var perStatement = data.statements.map(function (s) {
        var values = [], unknown = 0;
        records.forEach(function (r) {
          if (!(s.id in r.answers)) return;
          if (r.answers[s.id] === null) unknown += 1;
          else values.push(r.answers[s.id]);
        });
        var min = values.length ? Math.min.apply(null, values) : null;
        var max = values.length ? Math.max.apply(null, values) : null;
        var steps = values.length ? step(max) - step(min) : null;
        return { statement: s, min: min, max: max, spread: values.length ? max - min : null, steps: steps, n: values.length, unknown: unknown };
      });
      var label = function (v) {
        if (v === null) return "–";
        var p = data.scale.filter(function (x) { return x.points === v; })[0];
        return v + (p ? " (" + p.label + ")" : "");
      };
      // a talking point: answers two or more scale steps apart (whatever points the steps carry)
      var wide = perStatement.filter(function (x) { return x.steps !== null && x.steps >= 2; })
        .sort(function (x, y) { return y.steps - x.steps; });
      var list = el("ul", { "class": "netcheck-chart" }, perDim.map(function (r) {
        var range = el("span", { "class": "netcheck-range", "aria-hidden": "true" }, [el("span", { "class": "netcheck-range__fill" })]);
        range.firstChild.style.marginLeft = (r.min || 0) + "%";
        range.firstChild.style.width = Math.max((r.max || 0) - (r.min || 0), 1) + "%";
        return el("li", { "class": "netcheck-chart__row" }, [
          el("span", { "class": "netcheck-chart__label", text: r.dimension.title }),
          range,
          el("span", { "class": "netcheck-chart__value", text: r.n ? "von " + pctText(r.min) + " bis " + pctText(r.max) +
            ", Spannweite " + (r.max - r.min) + " Prozentpunkte" : "keine Einschätzung" })
        ]);
      }));
      show("Übereinstimmung und Streuung", [
        el("p", { text: records.length + " Einschätzungen: " + records.map(function (r) { return describe(r, r.label); }).join("; ") + "." }),
        el("p", { text: wide.length ? (wide.length === 1 ? "1 Aussage liegt" : wide.length + " Aussagen liegen") +
          " zwei oder mehr Stufen auseinander. Mit " + (wide.length === 1 ? "ihr" : "ihnen") + " beginnt das Gespräch: " +
          wide.slice(0, 5).map(function (x) { return x.statement.nr; }).join(", ") + (wide.length > 5 ? " und weitere" : "") + "." :
          "Keine Aussage liegt zwei oder mehr Stufen auseinander." }),
        list,
        table("Streuung je Dimension (Prozent)", ["Dimension", "niedrigster Wert", "höchster Wert", "Spannweite"],
          perDim.map(function (r) {
            return [r.dimension.title, pctText(r.min), pctText(r.max), r.n ? (r.max - r.min) + " Prozentpunkte" : "–"];
          })),
        table("Streuung je Aussage (Punkte)", ["Aussage", "niedrigster Wert", "höchster Wert", "Spannweite", data.unknown, "Gesprächsanlass"],
          perStatement.map(function (x) {
            return [x.statement.nr + " " + x.statement.text, label(x.min), label(x.max),
              x.spread === null ? "–" : String(x.spread), String(x.unknown), x.steps !== null && x.steps >= 2 ? "ja" : "nein"];
          }))
      ], "Die Streuung von " + records.length + " Einschätzungen steht unter dem Fragebogen.");
    }

    // --- files -----------------------------------------------------------------------------

    function save() {
      var record = { format: FORMAT, version: 1, check: data.id, date: today(),
        network: nameInput.value.trim(), answers: currentAnswers() };
      var slug = record.network.toLowerCase().replace(/[^a-z0-9äöüß]+/g, "-").replace(/^-|-$/g, "");
      var blob = new Blob([JSON.stringify(record, null, 2)], { type: "application/json" });
      var a = el("a", { href: URL.createObjectURL(blob), download: "netzwerk-check-" + (slug ? slug + "-" : "") + record.date + ".json" });
      document.body.appendChild(a);
      a.click();
      document.body.removeChild(a);
      setTimeout(function () { URL.revokeObjectURL(a.href); }, 1000);
      status.textContent = "Die Datei " + a.download + " wird heruntergeladen. " +
        Object.keys(record.answers).length + " von " + data.statements.length + " Aussagen sind beantwortet.";
    }

    function parse(text, name) {
      var record;
      try { record = JSON.parse(text); } catch (e) { throw new Error(name + " ist keine JSON-Datei."); }
      if (!record || record.format !== FORMAT || typeof record.answers !== "object" || record.answers === null) {
        throw new Error(name + " ist keine gespeicherte Datei des Netzwerk-Checks.");
      }
      var answers = {};
      data.statements.forEach(function (s) {
        var v = record.answers[s.id];
        if (v === null || (typeof v === "number" && data.scale.some(function (p) { return p.points === v; }))) answers[s.id] = v;
      });
      return { date: String(record.date || ""), network: String(record.network || ""), answers: answers, label: name };
    }

    function read(file) {
      return new Promise(function (resolve, reject) {
        var reader = new FileReader();
        reader.onload = function () {
          try { resolve(parse(String(reader.result), file.name)); } catch (e) { reject(e); }
        };
        reader.onerror = function () { reject(new Error(file.name + " ließ sich nicht lesen.")); };
        reader.readAsText(file);
      });
    }

    function byDate(a, b) { return a.date < b.date ? -1 : a.date > b.date ? 1 : 0; }

    function load(files) {
      Promise.all(Array.prototype.map.call(files, read)).then(function (records) {
        var answered = Object.keys(currentAnswers()).length > 0;
        if (records.length === 1 && !answered && loaded.length === 0) {
          restore(records[0]);
          loaded = [records[0]];
          evaluate();
          status.textContent = "Die Antworten aus " + records[0].label + " sind wiederhergestellt.";
        } else if (records.length === 1) {
          var now = { date: today(), network: nameInput.value.trim(), answers: currentAnswers(), label: "aktuelle Antworten" };
          var pair = [records[0], answered ? now : loaded[loaded.length - 1]].sort(byDate);
          loaded.push(records[0]);
          compare(pair[0], pair[1]);
        } else if (records.length === 2) {
          records.sort(byDate);
          compare(records[0], records[1]);
        } else {
          spread(records);
        }
      }).catch(function (error) {
        status.textContent = error.message + " Bitte wählen Sie eine Datei, die mit „Ergebnis speichern“ entstanden ist.";
      });
    }

    form.addEventListener("click", function (e) {
      var action = e.target.closest("[data-action]");
      if (!action) return;
      var name = action.getAttribute("data-action");
      if (name === "evaluate") evaluate();
      else if (name === "save") save();
      else if (name === "load") fileInput.click();
    });
    fileInput.addEventListener("change", function () {
      if (fileInput.files.length) load(fileInput.files);
      fileInput.value = "";
    });
  }

  function start() {
    var form = document.getElementById("netcheck");
    if (form && form.hasAttribute("data-netcheck")) setup(form);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
