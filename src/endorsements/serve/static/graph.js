// Draws the network of endorsers and endorsees with the vendored Cytoscape.js; a click on an
// edge opens the endorsement's evidence, a click on a node opens the entity's page.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("graph-data").textContent);
  var box = document.getElementById("graph");
  if (!window.cytoscape || !box) { return; }
  var colors = { support: "#1b7a3a", oppose: "#b3261e", withdraw: "#9a6a00" };
  var elements = data.nodes.map(function (n) {
    return { data: { id: "n" + n.id, label: n.name, entity: n.id, role: n.role } };
  }).concat(data.edges.map(function (e) {
    return { data: { id: "e" + e.id, source: "n" + e.source, target: "n" + e.target,
                     endorsement: e.id, color: colors[e.stance] || "#5d6873" } };
  }));
  var cy = cytoscape({
    container: box, elements: elements, wheelSensitivity: 0.3, maxZoom: 1.6, minZoom: 0.1,
    layout: { name: "cose", animate: false, padding: 40, nodeRepulsion: 400000,
              idealEdgeLength: 140, nodeOverlap: 40, randomize: false },
    style: [
      { selector: "node", style: { label: "data(label)", "font-size": 11, "text-wrap": "wrap",
        "text-max-width": 120, "background-color": "#1f5fa8", width: 16, height: 16 } },
      { selector: "node[role = 'endorsee'], node[role = 'both']",
        style: { "background-color": "#6b3fa0", width: 26, height: 26, "font-weight": "bold" } },
      { selector: "edge", style: { width: 2, "line-color": "data(color)",
        "target-arrow-color": "data(color)", "target-arrow-shape": "triangle",
        "curve-style": "bezier" } }
    ]
  });
  cy.on("tap", "node", function (evt) { window.location = "/entities/" + evt.target.data("entity"); });
  cy.on("tap", "edge", function (evt) { window.location = "/endorsements/" + evt.target.data("endorsement"); });
  box.dataset.ready = "true";
})();
