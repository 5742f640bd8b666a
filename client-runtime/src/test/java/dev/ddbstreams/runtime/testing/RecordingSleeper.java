package dev.ddbstreams.runtime.testing;

import dev.ddbstreams.runtime.retry.Sleeper;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records each wait and moves a {@link MutableClock} forward by it instead of waiting. */
public final class RecordingSleeper implements Sleeper {

    private final MutableClock clock;
    private final List<Duration> delays = new CopyOnWriteArrayList<>();

    public RecordingSleeper(MutableClock clock) {
        this.clock = clock;
    }

    @Override
    public void sleep(Duration duration) {
        delays.add(duration);
        clock.advance(duration);
    }

    public List<Duration> delays() {
        return List.copyOf(delays);
    }
}
