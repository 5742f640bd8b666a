package dev.ddbstreams.streams.reader.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A crash at every step of every write: a workload of writes and removals (enough to compact the log twice) runs
 * on a storage that stops dead at step n, for every n, as a killed process would: an append cut after 0, 1, half or
 * all but one of its bytes, before or after the force, a compaction before or after its rename (the temporary file
 * left behind). A checkpointer opened afterwards on the real file must read every acknowledged write, and the one
 * in flight either whole or not at all, and must go on writing from there.
 */
class FileCheckpointerCrashTest {

    private static final String ARN = "arn:aws:dynamodb:us-east-1:123456789012:table/Orders/stream/2024-05-01T00:00:00.000";
    private static final int MIN_LINES = 6;

    @TempDir
    Path dir;

    /** The simulated crash: nothing after it runs. */
    private static final class Crash extends IOException {
        private static final long serialVersionUID = 1L;
    }

    /** Runs the real file operations until step {@code crashAt}, then stops in the middle. */
    private static final class CrashingStorage implements LogStorage {
        private final FileLogStorage real;
        private final Path file;
        private final int crashAt;
        private int step;

        CrashingStorage(Path file, int crashAt) {
            this.real = new FileLogStorage(file);
            this.file = file;
            this.crashAt = crashAt;
        }

        private boolean crashesNow() {
            return step++ == crashAt;
        }

        @Override
        public byte[] read() throws IOException {
            return real.read();
        }

        @Override
        public void append(byte[] bytes) throws IOException {
            for (int cut : new int[] {0, 1, bytes.length / 2, bytes.length - 1}) {
                if (crashesNow()) {
                    real.append(Arrays.copyOf(bytes, cut));
                    throw new Crash();
                }
            }
            real.append(bytes);
        }

        @Override
        public void force() throws IOException {
            if (crashesNow()) {
                throw new Crash();
            }
            real.force();
        }

        @Override
        public void truncate(long length) throws IOException {
            if (crashesNow()) {
                throw new Crash();
            }
            real.truncate(length);
        }

        @Override
        public void replace(byte[] content) throws IOException {
            if (crashesNow()) {
                // Before the rename: the temporary file is there, half written; the log is untouched.
                Files.write(file.resolveSibling(file.getFileName() + ".999.tmp"), Arrays.copyOf(content, content.length / 2));
                throw new Crash();
            }
            real.replace(content);
            if (crashesNow()) {
                throw new Crash();
            }
        }

        @Override
        public long size() throws IOException {
            return real.size();
        }

        int steps() {
            return step;
        }
    }

    /** One operation of the workload, applied to the checkpointer and to the model of what it should hold. */
    private record Operation(String shardId, Checkpoint checkpoint) {
        void apply(Checkpointer checkpointer) {
            if (checkpoint == null) {
                checkpointer.remove(ARN, List.of(shardId));
            } else {
                checkpointer.write(ARN, shardId, checkpoint);
            }
        }

        void apply(Map<String, Checkpoint> model) {
            if (checkpoint == null) {
                model.remove(shardId);
            } else {
                model.put(shardId, checkpoint);
            }
        }
    }

    private static List<Operation> workload() {
        List<Operation> operations = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            operations.add(new Operation("shard-" + (i % 3), Checkpoint.afterSequenceNumber(Long.toString(100_000L + i))));
            if (i % 4 == 0) {
                operations.add(new Operation("shard-old-" + i, Checkpoint.shardEnd()));
            }
            if (i % 6 == 0) {
                operations.add(new Operation("shard-old-" + (i - 2), null));
            }
        }
        return operations;
    }

    @Test
    void everyAcknowledgedWriteSurvivesACrashAtAnyStepAndTheOneInFlightIsWholeOrAbsent() throws IOException {
        List<Operation> workload = workload();
        int crashPoints = countSteps(workload);
        assertThat(crashPoints).as("steps of the workload").isGreaterThan(workload.size() * 3);

        for (int crashAt = 0; crashAt < crashPoints; crashAt++) {
            Path file = Files.createDirectories(dir.resolve("crash-" + crashAt)).resolve("orders.checkpoints");
            Map<String, Checkpoint> acknowledged = new TreeMap<>();
            Operation inFlight = null;
            try {
                FileCheckpointer checkpointer = FileCheckpointer.open(file, new CrashingStorage(file, crashAt), MIN_LINES);
                for (Operation operation : workload) {
                    inFlight = operation;
                    operation.apply(checkpointer);
                    operation.apply(acknowledged);
                    inFlight = null;
                }
            } catch (CheckpointException e) {
                assertThat(e).as("crash at step %d", crashAt).hasCauseInstanceOf(Crash.class);
            }

            FileCheckpointer reopened = FileCheckpointer.open(file);
            Map<String, Checkpoint> read = new TreeMap<>(reopened.list(ARN));
            Map<String, Checkpoint> withInFlight = new TreeMap<>(acknowledged);
            if (inFlight != null) {
                inFlight.apply(withInFlight);
            }
            assertThat(read).as("crash at step %d, during %s", crashAt, inFlight).isIn(acknowledged, withInFlight);

            // And it goes on: a write after the crash is read back with everything before it.
            reopened.write(ARN, "shard-after-crash", Checkpoint.shardEnd());
            read.put("shard-after-crash", Checkpoint.shardEnd());
            assertThat(FileCheckpointer.open(file).list(ARN)).as("after the crash at step %d", crashAt).isEqualTo(read);
        }
    }

    private int countSteps(List<Operation> workload) throws IOException {
        Path file = Files.createDirectories(dir.resolve("count")).resolve("orders.checkpoints");
        CrashingStorage counting = new CrashingStorage(file, Integer.MAX_VALUE);
        FileCheckpointer checkpointer = FileCheckpointer.open(file, counting, MIN_LINES);
        workload.forEach(operation -> operation.apply(checkpointer));
        assertThat(checkpointer.lines()).as("the log was compacted").isLessThan(workload.size());
        return counting.steps();
    }
}
