// Wide tables on narrow screens: a table wrapper that really scrolls sideways becomes a
// keyboard stop with a name (WCAG 2.1.1, axe scrollable-region-focusable), so keyboard users
// can scroll it with the arrow keys; a wrapper that fits stays out of the tab order.
(function () {
  "use strict";

  function label(wrap) {
    var heading = null;
    for (var el = wrap; el && !heading; el = el.parentElement) {
      var prev = el.previousElementSibling;
      while (prev && !/^H[1-6]$/.test(prev.tagName)) prev = prev.previousElementSibling;
      heading = prev;
    }
    var name = heading ? heading.textContent.replace(/¶/g, "").trim() : "";
    return "Tabelle" + (name ? " zu „" + name + "“" : "") + ", seitlich verschiebbar";
  }

  function update() {
    Array.prototype.forEach.call(document.querySelectorAll(".md-typeset__scrollwrap"), function (wrap) {
      if (wrap.closest(".netcheck-result")) return; // netzwerk-check.js names its own tables
      if (wrap.scrollWidth > wrap.clientWidth + 1) {
        wrap.setAttribute("tabindex", "0");
        wrap.setAttribute("role", "region");
        wrap.setAttribute("aria-label", label(wrap));
      } else if (wrap.getAttribute("role") === "region") {
        wrap.removeAttribute("tabindex");
        wrap.removeAttribute("role");
        wrap.removeAttribute("aria-label");
      }
    });
  }

  var timer = null;
  window.addEventListener("resize", function () {
    clearTimeout(timer);
    timer = setTimeout(update, 200);
  });
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(function () { setTimeout(update, 0); });
  } else {
    window.addEventListener("load", update);
  }
})();
