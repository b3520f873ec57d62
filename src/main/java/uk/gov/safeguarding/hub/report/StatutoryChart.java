package uk.gov.safeguarding.hub.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A bar chart of the statutory figures, laid out here and drawn as SVG by the {@code reports} template: for each
 * financial year, the notifications and those on time, the rapid reviews and those on time.
 */
record StatutoryChart(int width, int height, List<Bar> bars, List<Label> years, List<Legend> legend) {

    private static final int HEIGHT = 220;
    private static final int BASELINE = 180;
    private static final int BAR = 14;
    private static final int GROUP = 4 * BAR + 24;
    private static final String[] FILLS = {"#1d70b8", "#00703c", "#6f3a11", "#505a5f"};
    private static final String[] SERIES = {"Notifications", "Notified on time", "Rapid reviews", "Rapid reviews on time"};

    record Bar(int x, int y, int width, int height, String fill, String title) {
    }

    record Label(int x, int y, String text) {
    }

    record Legend(int x, int y, String fill, String text) {
    }

    static StatutoryChart of(List<StatutoryReport.Row> rows) {
        int max = rows.stream().mapToInt(r -> Math.max(r.notifications(), r.rapidReviews())).max().orElse(0);
        List<Bar> bars = new ArrayList<>();
        List<Label> years = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            StatutoryReport.Row row = rows.get(i);
            int[] values = {row.notifications(), row.notifiedOnTime(), row.rapidReviews(), row.rapidReviewsOnTime()};
            int left = 10 + i * GROUP;
            for (int s = 0; s < values.length; s++) {
                int height = max == 0 ? 0 : Math.round((float) values[s] * (BASELINE - 20) / max);
                bars.add(new Bar(left + s * BAR, BASELINE - height, BAR - 2, height, FILLS[s],
                        row.year() + ": " + SERIES[s].toLowerCase() + " " + values[s]));
            }
            years.add(new Label(left, BASELINE + 16, row.year()));
        }
        List<Legend> legend = new ArrayList<>();
        for (int s = 0; s < SERIES.length; s++) {
            legend.add(new Legend(10 + s * 150, HEIGHT - 12, FILLS[s], SERIES[s]));
        }
        return new StatutoryChart(Math.max(620, 20 + rows.size() * GROUP), HEIGHT, bars, years, legend);
    }
}
