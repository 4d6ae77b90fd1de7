package io.cupboard.dashboard.web;

import java.util.List;

/**
 * A chart as {@code static/js/charts.js} draws it with Chart.js, serialized into the canvas's
 * {@code data-chart} attribute.
 *
 * @param percent whether values are shares from 0 to 1, shown as percentages
 */
record ChartSpec(String type, List<String> labels, List<Dataset> datasets, boolean stacked, boolean percent,
                 boolean horizontal) {

    /** One series of a chart. */
    record Dataset(String label, List<? extends Number> data) {
    }
}
