package dev.ddbstreams.codegen.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbstreams.codegen.ModelFiles;
import dev.ddbstreams.codegen.model.ServiceModel;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFormatTest {

    @TempDir
    Path dir;

    @Test
    void tellsTheFormatFromTheFile() {
        assertThat(ModelFormat.AUTO.resolve(ModelFiles.write(dir, "a/model.smithy", "namespace a.b\n"))).isEqualTo(ModelFormat.SMITHY);
        assertThat(ModelFormat.AUTO.resolve(ModelFiles.write(dir, "b/model.json", "{\"smithy\": \"2.0\", \"shapes\": {}}")))
                .isEqualTo(ModelFormat.SMITHY);
        assertThat(ModelFormat.AUTO.resolve(ModelFiles.write(dir, "c/model.json", "{\"metadata\": {\"smithy\": 1}, \"shapes\": {}, \"smithy\": \"2.0\"}")))
                .as("only the top level counts, wherever the key is").isEqualTo(ModelFormat.SMITHY);
        assertThat(ModelFormat.AUTO.resolve(ModelFiles.write(dir, "d/service-2.json", ModelFiles.minimalService()))).isEqualTo(ModelFormat.C2J);
        assertThat(ModelFormat.AUTO.resolve(ModelFiles.write(dir, "e/service-2.json", "{\"metadata\": {\"smithy\": \"2.0\"}}")))
                .as("a nested smithy key is not the format's").isEqualTo(ModelFormat.C2J);
        assertThat(ModelFormat.AUTO.resolve(ModelFiles.write(dir, "f/broken.json", "{\"smithy\" ")))
                .as("unreadable JSON goes to the C2J reader, which locates the error").isEqualTo(ModelFormat.C2J);
        assertThat(ModelFormat.AUTO.resolve(dir.resolve("missing.json"))).isEqualTo(ModelFormat.C2J);
    }

    @Test
    void anExplicitFormatIsNotSecondGuessed() {
        Path smithyLooking = ModelFiles.write(dir, "model.json", "{\"smithy\": \"2.0\", \"shapes\": {}}");
        assertThat(ModelFormat.C2J.resolve(smithyLooking)).isEqualTo(ModelFormat.C2J);
    }

    @Test
    void readsTheSettingInAnyCaseAndNamesTheChoicesOtherwise() {
        assertThat(ModelFormat.named("smithy")).isEqualTo(ModelFormat.SMITHY);
        assertThat(ModelFormat.named(" C2J ")).isEqualTo(ModelFormat.C2J);
        assertThat(ModelFormat.named("Auto")).isEqualTo(ModelFormat.AUTO);
        assertThatThrownBy(() -> ModelFormat.named("idl"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("modelFormat \"idl\" is not one of auto, c2j, smithy");
    }

    @Test
    void theReaderFollowsTheFormat() throws Exception {
        Path c2j = ModelFiles.write(dir, "c2j/service-2.json", ModelFiles.minimalService());
        Path smithy = ModelFiles.write(dir, "smithy/widgets.smithy", """
                $version: "2.0"
                namespace example.widgets
                @aws.protocols#awsJson1_0
                service Widgets_20200101 { version: "2020-01-01", operations: [GetWidget] }
                operation GetWidget { input := { Id: String } }
                """);
        ServiceModel fromC2j = ModelReader.read(ModelSources.besides(c2j));
        ServiceModel fromSmithy = ModelReader.read(ModelSources.besides(smithy));
        assertThat(fromC2j.shapes()).containsKey("GetWidgetInput");
        assertThat(fromSmithy.shapes()).containsKey("GetWidgetInput");
        assertThatThrownBy(() -> ModelReader.read(ModelSources.besides(smithy, ModelFormat.C2J)))
                .as("a Smithy file forced through the C2J reader").hasMessageContaining("widgets.smithy:1:1: invalid JSON");
    }
}
