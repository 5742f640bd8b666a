package dev.ddbstreams.streams.reader.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbstreams.streams.reader.testing.FakeStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file checkpointer: an append-only log, durable, compacted, and loud about a damaged file. */
class FileCheckpointerTest {

    private static final String ARN = FakeStream.ARN;

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("state").resolve("orders.checkpoints");
    }

    @Test
    void checkpointsSurviveReopeningTheFile() {
        FileCheckpointer first = FileCheckpointer.open(file());
        assertThat(first.read(ARN, "shard-1")).isEmpty();
        first.write(ARN, "shard-1", Checkpoint.afterSequenceNumber("100000000000000000001"));
        first.write(ARN, "shard-1", Checkpoint.afterSequenceNumber("100000000000000000007"));
        first.write(ARN, "shard-0", Checkpoint.shardEnd());
        first.write(ARN, "shard-3", Checkpoint.atSequenceNumber("100000000000000000300"));
        first.write("arn:aws:dynamodb:us-east-1:1:table/Other/stream/x", "shard-1", Checkpoint.shardEnd());

        FileCheckpointer second = FileCheckpointer.open(file());
        assertThat(second.read(ARN, "shard-1")).contains(Checkpoint.afterSequenceNumber("100000000000000000007"));
        assertThat(second.read(ARN, "shard-3")).contains(Checkpoint.atSequenceNumber("100000000000000000300"));
        assertThat(second.read(ARN, "shard-0")).contains(Checkpoint.shardEnd());
        assertThat(second.read("arn:aws:dynamodb:us-east-1:1:table/Other/stream/x", "shard-1"))
                .contains(Checkpoint.shardEnd());
        assertThat(second.read(ARN, "shard-2")).isEmpty();
        assertThat(second.list(ARN)).containsOnlyKeys("shard-0", "shard-1", "shard-3");
        assertThat(second.file()).isEqualTo(file().toAbsolutePath());
    }

    @Test
    void eachWriteAppendsOneLineEndingWithItsChecksum() throws IOException {
        FileCheckpointer checkpointer = FileCheckpointer.open(file());
        checkpointer.write(ARN, "shard-b", Checkpoint.shardEnd());
        checkpointer.write(ARN, "shard-a", Checkpoint.atSequenceNumber("100000000000000000040"));
        checkpointer.write(ARN, "shard-a", Checkpoint.afterSequenceNumber("100000000000000000042"));
        checkpointer.remove(ARN, List.of("shard-b", "shard-never-written"));

        List<String> lines = Files.readAllLines(file());
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).isEqualTo("ddbstreams-checkpoints 2");
        assertThat(lines.get(1)).matches(ARN + " shard-b shard-end [0-9a-f]{8}");
        assertThat(lines.get(2)).matches(ARN + " shard-a at 100000000000000000040 [0-9a-f]{8}");
        assertThat(lines.get(3)).matches(ARN + " shard-a after 100000000000000000042 [0-9a-f]{8}");
        assertThat(lines.get(4)).matches(ARN + " shard-b removed [0-9a-f]{8}");
        assertThat(FileCheckpointer.open(file()).list(ARN)).containsOnlyKeys("shard-a");
    }

    @Test
    void theLogIsCompactedSoItsSizeFollowsWhatItHoldsNotHowOftenItWasWritten() throws IOException {
        Files.createDirectories(file().getParent());
        // A small compaction threshold, so that a few hundred writes (each one forced to disk) show the bound.
        FileCheckpointer checkpointer = FileCheckpointer.open(file(), new FileLogStorage(file()), 16);
        long sizeAfterFirstRound = 0;
        // Three shards written 300 times each, as a reader does batch after batch.
        for (int round = 1; round <= 300; round++) {
            for (int shard = 0; shard < 3; shard++) {
                checkpointer.write(ARN, "shard-" + shard, Checkpoint.afterSequenceNumber(Long.toString(100_000L + round)));
            }
            if (round == 1) {
                sizeAfterFirstRound = Files.size(file());
            }
        }
        assertThat(checkpointer.lines()).isLessThanOrEqualTo(16 + 1);
        assertThat(Files.size(file())).isLessThan(sizeAfterFirstRound * 7);
        assertThat(FileCheckpointer.open(file()).list(ARN)).containsEntry("shard-2", Checkpoint.afterSequenceNumber("100300"));
    }

    @Test
    void aCutLastLineIsAWriteThatWasNeverAcknowledgedAndIsDropped() throws IOException {
        FileCheckpointer checkpointer = FileCheckpointer.open(file());
        checkpointer.write(ARN, "shard-1", Checkpoint.afterSequenceNumber("100000000000000000001"));
        int before = Files.readAllBytes(file()).length;
        checkpointer.write(ARN, "shard-2", Checkpoint.shardEnd());
        byte[] valid = Files.readAllBytes(file());

        for (int length = before; length < valid.length; length++) {
            Files.write(file(), Arrays.copyOf(valid, length));
            FileCheckpointer reopened = FileCheckpointer.open(file());
            assertThat(reopened.list(ARN)).as("cut to %d of %d bytes", length, valid.length)
                    .isEqualTo(Map.of("shard-1", Checkpoint.afterSequenceNumber("100000000000000000001")));
            // The cut line is gone from the file, so the next write starts on a line of its own.
            reopened.write(ARN, "shard-3", Checkpoint.shardEnd());
            assertThat(FileCheckpointer.open(file()).list(ARN)).containsOnlyKeys("shard-1", "shard-3");
        }
        // A tail of NUL bytes, as a file system may leave after a power loss, is the same.
        Files.write(file(), Arrays.copyOf(valid, valid.length + 40));
        assertThat(FileCheckpointer.open(file()).list(ARN)).containsOnlyKeys("shard-1", "shard-2");
    }

    @Test
    void everyCutInsideTheHeaderAndEverySingleByteChangeOfACompleteLineIsReportedAsCorrupt() throws IOException {
        FileCheckpointer checkpointer = FileCheckpointer.open(file());
        checkpointer.write(ARN, "shard-1", Checkpoint.afterSequenceNumber("100000000000000000001"));
        checkpointer.write(ARN, "shard-2", Checkpoint.shardEnd());
        byte[] valid = Files.readAllBytes(file());
        int header = "ddbstreams-checkpoints 2\n".length();

        for (int length = 0; length < header; length++) {
            Files.write(file(), Arrays.copyOf(valid, length));
            assertThatThrownBy(() -> FileCheckpointer.open(file())).as("cut to %d bytes", length)
                    .isInstanceOf(CheckpointException.class).hasMessageContaining("is corrupt");
        }
        // Every byte but the last newline, whose loss makes the last line look cut (and so unacknowledged).
        for (int i = 0; i < valid.length - 1; i++) {
            byte[] damaged = valid.clone();
            damaged[i] = (byte) (damaged[i] == '7' ? '8' : '7');
            Files.write(file(), damaged);
            assertThatThrownBy(() -> FileCheckpointer.open(file()))
                    .as("byte %d changed", i)
                    .isInstanceOf(CheckpointException.class)
                    .hasMessageContaining("is corrupt")
                    .hasMessageContaining(file().toAbsolutePath().toString());
        }
    }

    @Test
    void theErrorSaysWhatIsWrongAndWhatToDo() throws IOException {
        Files.createDirectories(file().getParent());
        Files.writeString(file(), "");
        assertThatThrownBy(() -> FileCheckpointer.open(file())).hasMessageContaining("does not start with")
                .hasMessageContaining("delete it to start over");

        Files.writeString(file(), "ddbstreams-checkpoints 2\n" + ARN + " shard-1 shard-end 00000000\n");
        assertThatThrownBy(() -> FileCheckpointer.open(file()))
                .hasMessageContaining("line 2's checksum is 00000000 but its content's is");

        Files.writeString(file(), "ddbstreams-checkpoints 2\n" + ARN + " shard-1 shard-end\n" + ARN + " x y\n");
        assertThatThrownBy(() -> FileCheckpointer.open(file())).hasMessageContaining("line 2 does not end with its checksum");

        Files.write(file(), bytes("ddbstreams-checkpoints 2\n", new byte[] {(byte) 0xff, (byte) 0xfe, '\n'}));
        assertThatThrownBy(() -> FileCheckpointer.open(file())).hasMessageContaining("not UTF-8");
    }

    @Test
    void aFileOfTheFirstFormatIsReadStrictlyAndCarriedOverToTheLog() throws IOException {
        Files.createDirectories(file().getParent());
        writeFormat1("ddbstreams-checkpoints 1\n" + ARN + " shard-1 after 100000000000000000042\n" + ARN
                + " shard-2 shard-end\n");
        FileCheckpointer checkpointer = FileCheckpointer.open(file());
        assertThat(checkpointer.list(ARN)).containsEntry("shard-1", Checkpoint.afterSequenceNumber("100000000000000000042"))
                .containsEntry("shard-2", Checkpoint.shardEnd());
        assertThat(Files.readAllLines(file()).get(0)).isEqualTo("ddbstreams-checkpoints 2");

        writeFormat1("ddbstreams-checkpoints 1\n" + ARN + " shard-1 halfway 12\n");
        assertThatThrownBy(() -> FileCheckpointer.open(file())).hasMessageContaining("line 2 is not");
        Files.writeString(file(), "ddbstreams-checkpoints 1\n" + ARN + " shard-1 shard-end\ncrc32 00000000\n");
        assertThatThrownBy(() -> FileCheckpointer.open(file())).hasMessageContaining("its checksum is 00000000");
    }

    @Test
    void namesTheFileCannotHoldAreRefusedOnWrite() {
        FileCheckpointer checkpointer = FileCheckpointer.open(file());
        assertThatThrownBy(() -> checkpointer.write(ARN, "shard 1", Checkpoint.shardEnd()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("without whitespace");
        assertThatThrownBy(() -> checkpointer.write("", "shard-1", Checkpoint.shardEnd()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(checkpointer.read(ARN, "shard 1")).isEmpty();
    }

    @Test
    void leftoversOfACrashDuringCompactionAreRemovedOnOpen() throws IOException {
        FileCheckpointer checkpointer = FileCheckpointer.open(file());
        checkpointer.write(ARN, "shard-1", Checkpoint.shardEnd());
        Files.writeString(file().resolveSibling("orders.checkpoints.123456.tmp"), "half a fi");
        FileCheckpointer reopened = FileCheckpointer.open(file());
        assertThat(reopened.read(ARN, "shard-1")).contains(Checkpoint.shardEnd());
        assertThat(filesIn(file().getParent())).containsExactly("orders.checkpoints");
    }

    @Test
    void concurrentWritesOfDifferentShardsAreAllKept() throws Exception {
        FileCheckpointer checkpointer = FileCheckpointer.open(file());
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            String shard = "shard-" + t;
            threads.add(new Thread(() -> {
                for (int i = 1; i <= 20; i++) {
                    checkpointer.write(ARN, shard, Checkpoint.afterSequenceNumber(Long.toString(100_000 + i)));
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }

        FileCheckpointer reopened = FileCheckpointer.open(file());
        for (int t = 0; t < 4; t++) {
            assertThat(reopened.read(ARN, "shard-" + t)).contains(Checkpoint.afterSequenceNumber("100020"));
        }
    }

    private void writeFormat1(String content) throws IOException {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        java.util.zip.CRC32 crc32 = new java.util.zip.CRC32();
        crc32.update(bytes);
        Files.writeString(file(), content + String.format("crc32 %08x\n", crc32.getValue()));
    }

    private static byte[] bytes(String start, byte[] rest) {
        byte[] head = start.getBytes(StandardCharsets.UTF_8);
        byte[] all = Arrays.copyOf(head, head.length + rest.length);
        System.arraycopy(rest, 0, all, head.length, rest.length);
        return all;
    }

    private static List<String> filesIn(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }
}
