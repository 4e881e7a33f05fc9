import ChronicleHTTP
import Testing

@Suite struct PrometheusTextTests {
    /// The exposition format's rules: HELP escapes backslash and newline, label values the double
    /// quote too; floats are +Inf, -Inf, NaN, whole numbers without a fraction.
    @Test func familiesSamplesAndEscaping() {
        var out = PrometheusText()
        out.family("x_total", .counter, help: "Counts a\\b\nand \"more\".")
        out.sample("x_total", labels: [("route", "/a\"b\\c\nd"), ("method", "GET")], 3)
        out.sample("x_total", 4)
        out.single("y_seconds", .gauge, help: "Y.", 0.25)
        for value in [1.0, .infinity, -.infinity, .nan, 2.5e-5] { out.sample("z", value) }
        #expect(
            out.text == """
                # HELP x_total Counts a\\\\b\\nand "more".
                # TYPE x_total counter
                x_total{route="/a\\"b\\\\c\\nd",method="GET"} 3
                x_total 4
                # HELP y_seconds Y.
                # TYPE y_seconds gauge
                y_seconds 0.25
                z 1
                z +Inf
                z -Inf
                z NaN
                z 2.5e-05

                """)
    }
}
