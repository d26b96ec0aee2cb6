/* Map: oblast boundaries (shipped GeoJSON) as the offline basemap, claims as markers coloured
   by kind, filtered by kind, side and date. Popups are built from DOM nodes (textContent),
   never from HTML strings. */
(function () {
  "use strict";
  var el = document.getElementById("map");
  var form = document.getElementById("map-filters");
  var count = document.getElementById("map-count");
  var failure = document.getElementById("map-error");
  if (!el || typeof L === "undefined") {
    return;
  }
  var KINDS = /^[a-z_]+$/;
  var map = L.map(el, { zoomSnap: 0.5, minZoom: 4, maxZoom: 12 }).setView([48.6, 31.5], 6);
  map.attributionControl.addAttribution("Boundaries: geoBoundaries.org");
  var markers = L.layerGroup().addTo(map);

  fetch(el.dataset.boundaries)
    .then(function (r) { return r.json(); })
    .then(function (geo) {
      L.geoJSON(geo, { interactive: false, className: "oblast" }).addTo(map).bringToBack();
    })
    .catch(function () { showError("The oblast boundaries could not be loaded."); });

  function showError(message) {
    failure.textContent = message;
    failure.hidden = false;
  }

  function line(label, value) {
    var p = document.createElement("p");
    var b = document.createElement("strong");
    b.textContent = label + ": ";
    p.appendChild(b);
    p.appendChild(document.createTextNode(value == null ? "—" : String(value)));
    return p;
  }

  function popup(props) {
    var box = document.createElement("div");
    box.className = "map-popup";
    var head = document.createElement("p");
    var kind = document.createElement("span");
    kind.className = "kind k-" + (KINDS.test(props.kind) ? props.kind : "unknown");
    kind.textContent = String(props.kind).replace(/_/g, " ");
    head.appendChild(kind);
    if (props.category) {
      head.appendChild(document.createTextNode(" " + props.category));
    }
    box.appendChild(head);
    box.appendChild(line("Figure", props.figure));
    box.appendChild(line("Side", props.side));
    box.appendChild(line("Place", props.place + (props.admin1 ? ", " + props.admin1 : "")));
    box.appendChild(line("Date", props.date));
    box.appendChild(line("Claimant", props.claimant));
    var link = document.createElement("a");
    link.href = "/documents/" + encodeURIComponent(props.doc_id);
    link.textContent = props.title || props.doc_id;
    var p = document.createElement("p");
    p.appendChild(link);
    box.appendChild(p);
    return box;
  }

  function query() {
    var params = new URLSearchParams();
    new FormData(form).forEach(function (value, key) {
      if (String(value).trim()) {
        params.append(key, String(value).trim());
      }
    });
    return params;
  }

  function load() {
    var params = query();
    failure.hidden = true;
    fetch(el.dataset.points + "?" + params.toString())
      .then(function (r) {
        return r.json().then(function (body) { return { ok: r.ok, body: body }; });
      })
      .then(function (res) {
        markers.clearLayers();
        if (!res.ok) {
          showError(res.body && res.body.error ? res.body.error.message : "The claims could not be loaded.");
          count.textContent = "";
          return;
        }
        var claims = {};
        res.body.features.forEach(function (f) {
          var props = f.properties;
          var kind = KINDS.test(props.kind) ? props.kind : "unknown";
          var c = f.geometry.coordinates;
          claims[props.claim_id] = true;
          L.circleMarker([c[1], c[0]], { radius: 7, className: "claim-marker k-" + kind })
            .bindPopup(popup(props))
            .addTo(markers);
        });
        var n = res.body.features.length;
        count.textContent = n + " markers · " + Object.keys(claims).length + " claims";
        el.dataset.markers = String(n);
      })
      .catch(function () { showError("The claims could not be loaded."); });
    if (window.history && window.history.replaceState) {
      var qs = params.toString();
      window.history.replaceState(null, "", "/map" + (qs ? "?" + qs : ""));
    }
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    load();
  });
  load();
})();
