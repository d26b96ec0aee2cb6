/* Report view: claim cards on hover/click, flags lit up from the side panel.
   The server has done all the highlighting; this only shows and hides prepared elements.
   No HTML strings are built here: cards are cloned from <template> elements. */
(function () {
  "use strict";
  var text = document.getElementById("report-text");
  var popover = document.getElementById("popover");
  if (!text || !popover) {
    return;
  }
  var pinned = null;

  function claimsOf(el) {
    if (el.dataset.claim !== undefined) {
      return [el.dataset.claim];
    }
    return (el.dataset.claims || "").split(" ").filter(Boolean);
  }

  function target(node) {
    return node && node.closest ? node.closest("[data-claim], [data-claims]") : null;
  }

  function clearActive() {
    text.querySelectorAll(".active").forEach(function (el) {
      el.classList.remove("active");
    });
  }

  function show(el, pin) {
    var ids = claimsOf(el).filter(function (id) { return /^\d+$/.test(id); });
    if (!ids.length) {
      return;
    }
    popover.replaceChildren();
    ids.forEach(function (id) {
      var tpl = document.getElementById("card-" + id);
      if (tpl) {
        popover.appendChild(document.importNode(tpl.content, true));
      }
    });
    clearActive();
    ids.forEach(function (id) {
      text.querySelectorAll('[data-claims~="' + id + '"], .tag[data-claim="' + id + '"]')
        .forEach(function (part) { part.classList.add("active"); });
    });
    popover.hidden = false;
    var box = el.getBoundingClientRect();
    var width = popover.offsetWidth;
    var left = Math.max(8, Math.min(window.scrollX + box.left,
      window.scrollX + document.documentElement.clientWidth - width - 8));
    popover.style.left = left + "px";
    popover.style.top = (window.scrollY + box.bottom + 6) + "px";
    pinned = pin ? el : null;
  }

  function hide() {
    popover.hidden = true;
    popover.replaceChildren();
    pinned = null;
    clearActive();
  }

  text.addEventListener("mouseover", function (event) {
    var el = target(event.target);
    if (el && !pinned) {
      show(el, false);
    }
  });
  text.addEventListener("mouseout", function (event) {
    var el = target(event.target);
    if (el && !pinned && !el.contains(event.relatedTarget)) {
      hide();
    }
  });
  text.addEventListener("click", function (event) {
    var el = target(event.target);
    if (!el) {
      return;
    }
    event.stopPropagation();
    if (pinned === el) {
      hide();
    } else {
      show(el, true);
    }
  });
  document.addEventListener("click", function (event) {
    if (pinned && !popover.contains(event.target)) {
      hide();
    }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      hide();
    }
  });

  document.querySelectorAll(".claim-link[data-claim]").forEach(function (button) {
    button.addEventListener("click", function (event) {
      event.stopPropagation();
      var tag = text.querySelector('.tag[data-claim="' + button.dataset.claim + '"]');
      if (tag) {
        tag.scrollIntoView({ block: "center" });
        show(tag, true);
      }
    });
  });

  document.querySelectorAll(".flag-item[data-flag]").forEach(function (item) {
    var parts = text.querySelectorAll('[data-flags~="' + item.dataset.flag + '"]');
    function on() { parts.forEach(function (p) { p.classList.add("flag-on"); }); }
    function off() { parts.forEach(function (p) { p.classList.remove("flag-on"); }); }
    item.addEventListener("mouseenter", on);
    item.addEventListener("mouseleave", off);
    item.addEventListener("focus", on);
    item.addEventListener("blur", off);
    item.addEventListener("click", function () {
      if (parts.length) {
        parts[0].scrollIntoView({ block: "center" });
        on();
      }
    });
  });
})();
