// Draws the dashboards' charts with Chart.js. Each canvas carries its chart as JSON in
// data-chart: type, labels, datasets, and whether the values are stacked, shares (percentages)
// or horizontal bars. Charts follow the page's direction: in Hebrew the categories run from the
// right and legends and tooltips are right to left. Every chart also has a table beside it.
(function () {
    'use strict';

    var palette = ['#0d6efd', '#198754', '#dc3545', '#fd7e14', '#6f42c1', '#20c997', '#d63384', '#6c757d', '#0dcaf0', '#ffc107'];

    function percent(value) {
        return Math.round(value * 1000) / 10 + '%';
    }

    function render(canvas) {
        if (canvas.getAttribute('data-chart-ready') === 'true' || typeof Chart === 'undefined') {
            return;
        }
        var spec = JSON.parse(canvas.getAttribute('data-chart'));
        var rtl = document.documentElement.getAttribute('dir') === 'rtl';
        var valueAxis = spec.horizontal ? 'x' : 'y';
        var categoryAxis = spec.horizontal ? 'y' : 'x';
        var scales = {};
        scales[categoryAxis] = {stacked: spec.stacked, reverse: rtl && !spec.horizontal};
        scales[valueAxis] = {stacked: spec.stacked, beginAtZero: true, position: rtl && !spec.horizontal ? 'right' : undefined};
        if (spec.percent) {
            scales[valueAxis].max = spec.stacked ? undefined : 1;
            scales[valueAxis].ticks = {callback: percent};
        }
        var datasets = spec.datasets.map(function (dataset, index) {
            var color = palette[index % palette.length];
            return {
                label: dataset.label,
                data: dataset.data,
                backgroundColor: spec.type === 'line' ? color : (spec.datasets.length === 1 ? palette.slice(0, dataset.data.length) : color),
                borderColor: color,
                spanGaps: true
            };
        });
        new Chart(canvas, {
            type: spec.type,
            data: {labels: spec.labels, datasets: datasets},
            options: {
                responsive: true,
                maintainAspectRatio: false,
                animation: false,
                indexAxis: spec.horizontal ? 'y' : 'x',
                scales: scales,
                plugins: {
                    legend: {display: spec.datasets.length > 1, position: 'bottom', rtl: rtl, textDirection: rtl ? 'rtl' : 'ltr'},
                    tooltip: {
                        rtl: rtl,
                        textDirection: rtl ? 'rtl' : 'ltr',
                        callbacks: spec.percent ? {
                            label: function (context) {
                                var value = spec.horizontal ? context.parsed.x : context.parsed.y;
                                return (context.dataset.label ? context.dataset.label + ': ' : '') + percent(value);
                            }
                        } : {}
                    }
                }
            }
        });
        canvas.setAttribute('data-chart-ready', 'true');
    }

    function renderAll() {
        var canvases = document.querySelectorAll('canvas[data-chart]');
        for (var i = 0; i < canvases.length; i++) {
            render(canvases[i]);
        }
    }

    document.addEventListener('DOMContentLoaded', renderAll);
    document.addEventListener('htmx:afterSwap', renderAll);
})();
