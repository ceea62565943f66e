// Draws the race page's timeline (cumulative supporting endorsements per candidate by date)
// with the vendored Chart.js; the same figures are in the table under the chart.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("timeline-data").textContent);
  var canvas = document.getElementById("timeline");
  if (!window.Chart || !canvas || data.dates.length === 0) { return; }
  var palette = ["#1f5fa8", "#b3261e", "#1b7a3a", "#9a6a00", "#6b3fa0", "#00838f", "#5d6873"];
  var chart = new Chart(canvas, {
    type: "line",
    data: {
      labels: data.dates,
      datasets: data.series.map(function (s, i) {
        return { label: s.name, data: s.cumulative, stepped: true, borderWidth: 2,
                 borderColor: palette[i % palette.length],
                 backgroundColor: palette[i % palette.length] };
      })
    },
    options: {
      animation: false, maintainAspectRatio: false,
      scales: { y: { beginAtZero: true, ticks: { precision: 0 },
                     title: { display: true, text: "endorsements (cumulative)" } } }
    }
  });
  canvas.dataset.ready = "true";
  window.endorsementsChart = chart;
})();
