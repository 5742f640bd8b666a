package dev.ddbstreams.streams.reader.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbstreams.streams.reader.testing.FakeStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file checkpointer: durable, atomic, and loud about a damaged file. */
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
        first.write("arn:aws:dynamodb:us-east-1:1:table/Other/stream/x", "shard-1", Checkpoint.shardEnd());

        FileCheckpointer second = FileCheckpointer.open(file());
        assertThat(second.read(ARN, "shard-1")).contains(Checkpoint.afterSequenceNumber("100000000000000000007"));
        assertThat(second.read(ARN, "shard-0")).contains(Checkpoint.shardEnd());
        assertThat(second.read("arn:aws:dynamodb:us-east-1:1:table/Other/stream/x", "shard-1"))
                .contains(Checkpoint.shardEnd());
        assertThat(second.read(ARN, "shard-2")).isEmpty();
        assertThat(second.file()).isEqualTo(file().toAbsolutePath());
    }

    @Test
    void theFileIsPlainTextEndingWithItsChecksum() throws IOException {
        FileCheckpointer checkpointer = FileCheckpointer.open(file());
        checkpointer.write(ARN, "shard-b", Checkpoint.shardEnd());
        checkpointer.write(ARN, "shard-a", Checkpoint.afterSequenceNumber("100000000000000000042"));

        List<String> lines = Files.readAllLines(file());
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).isEqualTo("ddbstreams-checkpoints 1");
        assertThat(lines.get(1)).isEqualTo(ARN + " shard-a after 100000000000000000042");
        assertThat(lines.get(2)).isEqualTo(ARN + " shard-b shard-end");
        assertThat(lines.get(3)).matches("crc32 [0-9a-f]{8}");
    }

    @Test
    void aWriteLeavesNoTemporaryFileAndLeftoversOfACrashAreRemovedOnOpen() throws IOException {
        FileCheckpointer checkpointer = FileCheckpointer.open(file());
        checkpointer.write(ARN, "shard-1", Checkpoint.shardEnd());
        assertThat(filesIn(file().getParent())).containsExactly("orders.checkpoints");

        // A crash between writing the temporary file and renaming it leaves this behind, and the old file intact.
        Files.writeString(file().resolveSibling("orders.checkpoints.123456.tmp"), "half a fi");
        FileCheckpointer reopened = FileCheckpointer.open(file());
        assertThat(reopened.read(ARN, "shard-1")).contains(Checkpoint.shardEnd());
        assertThat(filesIn(file().getParent())).containsExactly("orders.checkpoints");
    }

    @Test
    void everyTruncationOfAValidFileIsReportedAsCorrupt() throws IOException {
        FileCheckpointer checkpointer = FileCheckpointer.open(file());
        checkpointer.write(ARN, "shard-1", Checkpoint.afterSequenceNumber("100000000000000000001"));
        checkpointer.write(ARN, "shard-2", Checkpoint.shardEnd());
        byte[] valid = Files.readAllBytes(file());

        for (int length = 0; length < valid.length; length++) {
            byte[] cut = java.util.Arrays.copyOf(valid, length);
            Files.write(file(), cut);
            assertThatThrownBy(() -> FileCheckpointer.open(file()))
                    .as("a file cut to %d of %d bytes", length, valid.length)
                    .isInstanceOf(CheckpointException.class)
                    .hasMessageContaining("is corrupt")
                    .hasMessageContaining(file().toAbsolutePath().toString());
        }
    }

    @Test
    void everySingleByteChangeIsDetected() throws IOException {
        FileCheckpointer checkpointer = FileCheckpointer.open(file());
        checkpointer.write(ARN, "shard-1", Checkpoint.afterSequenceNumber("100000000000000000001"));
        byte[] valid = Files.readAllBytes(file());

        for (int i = 0; i < valid.length; i++) {
            byte[] damaged = valid.clone();
            damaged[i] = (byte) (damaged[i] == '7' ? '8' : '7');
            Files.write(file(), damaged);
            assertThatThrownBy(() -> FileCheckpointer.open(file()))
                    .as("byte %d changed", i)
                    .isInstanceOf(CheckpointException.class)
                    .hasMessageContaining("is corrupt");
        }
    }

    @Test
    void theErrorSaysWhatIsWrongAndWhatToDo() throws IOException {
        Files.createDirectories(file().getParent());
        Files.writeString(file(), "");
        assertThatThrownBy(() -> FileCheckpointer.open(file())).hasMessageContaining("it is empty")
                .hasMessageContaining("delete it to start over");

        Files.writeString(file(), "ddbstreams-checkpoints 1\n" + ARN + " shard-1 shard-end\ncrc32 00000000\n");
        assertThatThrownBy(() -> FileCheckpointer.open(file()))
                .hasMessageContaining("its checksum is 00000000 but its content's is");

        Files.writeString(file(), "{\"shard-1\": \"123\"}\n");
        assertThatThrownBy(() -> FileCheckpointer.open(file()))
                .hasMessageContaining("not \"ddbstreams-checkpoints 1\"");

        Files.write(file(), new byte[] {(byte) 0xff, (byte) 0xfe, '\n'});
        assertThatThrownBy(() -> FileCheckpointer.open(file())).hasMessageContaining("not UTF-8");
    }

    @Test
    void aWellFormedFileWithABadLineIsStillRefused() throws IOException {
        Files.createDirectories(file().getParent());
        writeWithChecksum("ddbstreams-checkpoints 1\n" + ARN + " shard-1 halfway 12\n");
        assertThatThrownBy(() -> FileCheckpointer.open(file())).hasMessageContaining("line 2 is not");

        writeWithChecksum("ddbstreams-checkpoints 1\n" + ARN + " shard-1 shard-end\n" + ARN + " shard-1 shard-end\n");
        assertThatThrownBy(() -> FileCheckpointer.open(file())).hasMessageContaining("line 3 repeats");
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
    void aFailedWriteChangesNothing() throws IOException {
        FileCheckpointer checkpointer = FileCheckpointer.open(file());
        checkpointer.write(ARN, "shard-1", Checkpoint.afterSequenceNumber("100000000000000000001"));
        // A directory where the file should be: the rename cannot replace it.
        Path blocked = dir.resolve("blocked.checkpoints");
        FileCheckpointer other = FileCheckpointer.open(blocked);
        Files.createDirectories(blocked);
        Files.writeString(blocked.resolve("keep"), "x");

        assertThatThrownBy(() -> other.write(ARN, "shard-1", Checkpoint.shardEnd()))
                .isInstanceOf(CheckpointException.class)
                .hasMessageContaining("Cannot write the checkpoint file " + blocked.toAbsolutePath());
        assertThat(other.read(ARN, "shard-1")).isEmpty();
        assertThat(filesIn(dir)).doesNotContain("blocked.checkpoints.tmp").allMatch(name -> !name.endsWith(".tmp"));
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

    private void writeWithChecksum(String content) throws IOException {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        java.util.zip.CRC32 crc32 = new java.util.zip.CRC32();
        crc32.update(bytes);
        Files.writeString(file(), content + String.format("crc32 %08x%n", crc32.getValue()).replace("\r", ""));
    }

    private static List<String> filesIn(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }
}
