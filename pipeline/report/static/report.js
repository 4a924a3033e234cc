// vanban review report: the citation graph of the batch page, and links from marks of the text to cited documents.
(function () {
  "use strict";
  var RELATION_COLOURS = {
    implements: "#b54708", legal_basis: "#0e7490", amends: "#c11574", replaces: "#6941c6", repeals: "#b42318", cites: "#667085"
  };

  // A small graph reads best in levels (citing above cited); a large one as a force-directed layout.
  function layoutFor(graph) {
    if (graph.nodes.length <= 40) {
      return { name: "breadthfirst", directed: true, spacingFactor: 1.1, padding: 30, animate: false };
    }
    return { name: "cose", animate: false, randomize: false, nodeRepulsion: function () { return 60000; }, nodeOverlap: 20,
      componentSpacing: 80, idealEdgeLength: function () { return 90; }, padding: 30 };
  }

  function drawGraph() {
    var holder = document.getElementById("graph");
    var source = document.getElementById("graph-data");
    if (!holder || !source || typeof cytoscape !== "function") return;
    var graph = JSON.parse(source.textContent);
    var elements = graph.nodes.map(function (node) {
      return { data: node, classes: node.in_batch ? "in-batch" : "outside" };
    }).concat(graph.edges.map(function (edge, index) {
      return { data: { id: "e" + index, source: edge.source, target: edge.target, relation: edge.relation,
        colour: RELATION_COLOURS[edge.relation] || RELATION_COLOURS.cites } };
    }));
    var cy = cytoscape({
      container: holder,
      elements: elements,
      wheelSensitivity: 0.3,
      style: [
        { selector: "node", style: { "label": "data(label)", "font-size": 11, "text-valign": "bottom", "text-margin-y": 3,
          "color": "#344054", "text-background-color": "#ffffff", "text-background-opacity": 0.75, "text-background-padding": 1,
          "width": 12, "height": 12, "background-color": "#c7d7ea", "border-width": 1, "border-color": "#8eaccc" } },
        { selector: "node.in-batch", style: { "background-color": "#1f4e79", "border-color": "#1f4e79", "width": 20, "height": 20,
          "font-size": 13, "font-weight": "bold" } },
        { selector: "node[?review]", style: { "border-color": "#d92d20", "border-width": 3 } },
        { selector: "edge", style: { "width": 1.6, "line-color": "data(colour)", "target-arrow-color": "data(colour)",
          "target-arrow-shape": "triangle", "curve-style": "bezier", "arrow-scale": 0.9, "opacity": 0.8 } }
      ],
      layout: layoutFor(graph)
    });
    cy.ready(function () {  // a small graph is not blown up to fill the box
      if (cy.zoom() > 1.3) { cy.zoom(1.3); cy.center(); }
    });
    cy.on("tap", "node.in-batch", function (event) { window.location.href = event.target.data("href"); });
    window.vanbanGraph = cy;  // for the tests and the curious
  }

  function linkCitations() {
    document.querySelectorAll(".m[data-href]").forEach(function (mark) {
      mark.addEventListener("click", function (event) {
        event.stopPropagation();
        window.location.href = mark.getAttribute("data-href");
      });
    });
  }

  drawGraph();
  linkCitations();
})();
