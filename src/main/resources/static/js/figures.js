// Satisfaction charts (ECharts) of the console's figures: the trend of stars and satisfaction and
// the tag frequencies. Each chart's data is in its element's data-chart attribute, and the table
// beside it says the same in text. The station page loads its figures section with htmx, which
// runs this script again after each swap; ECharts itself is loaded once, the first time.
(function () {
  'use strict';
  var script = document.currentScript;

  function withECharts(done) {
    window.yizhanWithECharts(script && script.dataset.echarts, done);
  }

  function trend(data) {
    return {
      aria: { enabled: true },
      tooltip: { trigger: 'axis' },
      legend: { data: [data.labels.stars, data.labels.satisfaction, data.labels.count], top: 0 },
      grid: { left: 40, right: 48, top: 32, bottom: 28 },
      xAxis: { type: 'category', data: data.periods },
      yAxis: [
        { type: 'value', min: 0, max: 5, name: '★' },
        { type: 'value', min: 0, max: 100, name: '%', position: 'right' },
        { type: 'value', show: false }
      ],
      series: [
        { name: data.labels.stars, type: 'line', yAxisIndex: 0, data: data.stars, connectNulls: true, color: '#f0ad00' },
        { name: data.labels.satisfaction, type: 'line', yAxisIndex: 1, data: data.satisfaction, connectNulls: true, color: '#198754' },
        { name: data.labels.count, type: 'bar', yAxisIndex: 2, data: data.count, color: 'rgba(13, 110, 253, 0.25)' }
      ]
    };
  }

  function tags(data) {
    return {
      aria: { enabled: true },
      tooltip: {},
      grid: { left: 96, right: 16, top: 8, bottom: 24 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: data.tags, inverse: true },
      series: [{
        name: data.label, type: 'bar',
        data: data.counts.map(function (count, i) {
          return { value: count, itemStyle: { color: data.positive[i] ? '#198754' : '#dc3545' } };
        })
      }]
    };
  }

  function draw(root) {
    var charts = root.querySelectorAll('[data-figures-chart]:not([data-drawn])');
    if (charts.length === 0) {
      return;
    }
    withECharts(function () {
      charts.forEach(function (element) {
        if (!element.isConnected || element.dataset.drawn) {
          return;
        }
        var data = JSON.parse(element.dataset.chart);
        var chart = window.echarts.init(element);
        chart.setOption(element.dataset.figuresChart === 'tags' ? tags(data) : trend(data));
        element.dataset.drawn = 'true';
        window.addEventListener('resize', function () { chart.resize(); });
      });
    });
  }

  if (!window.yizhanFiguresListening) {
    window.yizhanFiguresListening = true;
    document.addEventListener('htmx:afterSettle', function (event) { draw(event.target); });
  }
  draw(document);
})();
