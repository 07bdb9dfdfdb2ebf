// Loads ECharts (about 1 MB) once per page for every chart script that asks for it, however
// often htmx runs those scripts again after a swap: a drawing asked for before it has arrived
// waits for it. Shared by the satisfaction figures (figures.js) and the dashboards (dashboard.js).
window.yizhanWithECharts = window.yizhanWithECharts || (function () {
  'use strict';
  var pending = null;
  return function (src, done) {
    if (window.echarts) {
      done();
      return;
    }
    if (!pending) {
      pending = [];
      var loader = document.createElement('script');
      loader.src = src;
      loader.onload = function () {
        pending.splice(0).forEach(function (callback) { callback(); });
      };
      document.head.appendChild(loader);
    }
    pending.push(done);
  };
})();
