// The dashboard's charts (ECharts), on the console and on a control room's display. Each chart's
// data is in its element's data-dashboard-chart attribute, and the table below it says the same in
// text. The display swaps its figures in with htmx every minute: the new charts are drawn after
// each swap, and ECharts itself is loaded once, the first time.
(function () {
  'use strict';
  var script = document.currentScript;
  var palette = ['#b5121b', '#0d6efd', '#198754', '#f0ad00', '#6f42c1', '#20c997', '#fd7e14', '#6c757d'];

  function withECharts(done) {
    window.yizhanWithECharts(script && script.dataset.echarts, done);
  }

  function option(data) {
    if (data.type === 'pie') {
      var values = data.series[0].values;
      return {
        aria: { enabled: true }, color: palette, tooltip: { trigger: 'item' },
        legend: { bottom: 0 },
        series: [{
          name: data.series[0].name, type: 'pie', radius: ['35%', '65%'], top: 0, bottom: 24,
          data: data.categories.map(function (name, i) { return { name: name, value: values[i] }; })
        }]
      };
    }
    var horizontal = data.type === 'hbar';
    var categoryAxis = { type: 'category', data: data.categories, inverse: horizontal };
    var twoAxes = data.series.some(function (s) { return s.axis === 1; });
    var valueAxes = [{ type: 'value', minInterval: 1 }];
    if (twoAxes) {
      valueAxes.push({ type: 'value', position: 'right', minInterval: 1 });
    }
    return {
      aria: { enabled: true }, color: palette, tooltip: { trigger: 'axis' },
      legend: data.series.length > 1 ? { top: 0 } : undefined,
      grid: { left: horizontal ? 120 : 48, right: twoAxes ? 56 : 16, top: data.series.length > 1 ? 32 : 12, bottom: 28 },
      xAxis: horizontal ? valueAxes[0] : categoryAxis,
      yAxis: horizontal ? categoryAxis : valueAxes,
      series: data.series.map(function (s) {
        var series = { name: s.name, type: s.kind, data: s.values, connectNulls: true };
        if (!horizontal) {
          series.yAxisIndex = s.axis;
        }
        return series;
      })
    };
  }

  function draw(root) {
    var charts = root.querySelectorAll('[data-dashboard-chart]:not([data-drawn])');
    if (charts.length === 0) {
      return;
    }
    withECharts(function () {
      charts.forEach(function (element) {
        if (!element.isConnected || element.dataset.drawn) {
          return;
        }
        var chart = window.echarts.init(element);
        chart.setOption(option(JSON.parse(element.dataset.dashboardChart)));
        element.dataset.drawn = 'true';
        window.addEventListener('resize', function () { chart.resize(); });
      });
    });
  }

  if (!window.yizhanDashboardListening) {
    window.yizhanDashboardListening = true;
    document.addEventListener('htmx:afterSettle', function (event) { draw(event.target); });
  }
  draw(document);
})();
