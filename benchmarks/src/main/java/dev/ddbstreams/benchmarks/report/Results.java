package dev.ddbstreams.benchmarks.report;

import dev.ddbstreams.benchmarks.coldstart.ColdStartSummary;
import dev.ddbstreams.benchmarks.fixtures.Fixture;
import dev.ddbstreams.benchmarks.footprint.Footprint;
import dev.ddbstreams.benchmarks.jmh.JmhRow;
import dev.ddbstreams.benchmarks.jmh.JmhSuite;
import java.util.List;
import java.util.Optional;

/** Everything one run measured, and where it ran: what the reports are made from. */
public record Results(
        MachineInfo machine,
        String startedAt,
        double durationSeconds,
        boolean quick,
        String loadBefore,
        String loadAfterJmh,
        String loadAfter,
        String jmhSettings,
        List<Fixture> fixtures,
        List<JmhRow> jmh,
        int coldStartRounds,
        List<ColdStartSummary> coldStart,
        List<Footprint> footprints) {

    public Optional<JmhRow> endToEnd(String client, String fixture) {
        return row(JmhSuite.END_TO_END, client, fixture);
    }

    public Optional<JmhRow> unmarshal(String decoder, String fixture) {
        return row(JmhSuite.UNMARSHAL, decoder, fixture);
    }

    public Optional<JmhRow> transportFloor(String fixture) {
        return row(JmhSuite.TRANSPORT_FLOOR, JmhSuite.NO_CLIENT, fixture);
    }

    public Optional<ColdStartSummary> coldStart(String variant) {
        return coldStart.stream().filter(summary -> summary.variant().equals(variant)).findFirst();
    }

    public Optional<Footprint> footprint(String id) {
        return footprints.stream().filter(footprint -> footprint.id().equals(id)).findFirst();
    }

    public Fixture fixture(String name) {
        return fixtures.stream().filter(fixture -> fixture.name().equals(name)).findFirst().orElseThrow();
    }

    private Optional<JmhRow> row(String benchmark, String subject, String fixture) {
        return jmh.stream()
                .filter(row -> row.benchmark().equals(benchmark) && row.subject().equals(subject)
                        && row.fixture().equals(fixture))
                .findFirst();
    }
}
