package dev.ddbstreams.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The plugin descriptor that maven-plugin-plugin builds from {@link GenerateMojo} (what {@code mvn help:describe}
 * prints) describes every parameter, and docs/plugin.md documents every parameter with the descriptor's type,
 * default and user property: a parameter added without documentation fails here.
 */
class PluginDescriptorTest {

    private static Element mojo;
    private static String docs;

    @BeforeAll
    static void read() throws Exception {
        try (InputStream in = PluginDescriptorTest.class.getResourceAsStream("/META-INF/maven/plugin.xml")) {
            assertThat(in).as("the descriptor is generated before the tests run (process-classes)").isNotNull();
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document descriptor = factory.newDocumentBuilder().parse(in);
            mojo = (Element) descriptor.getElementsByTagName("mojo").item(0);
        }
        Path root = Path.of("").toAbsolutePath();
        while (!Files.isRegularFile(root.resolve("mvnw"))) {
            root = root.getParent();
        }
        docs = Files.readString(root.resolve("docs/plugin.md"), StandardCharsets.UTF_8);
    }

    private static String text(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent().trim();
    }

    private static List<Element> editableParameters() {
        List<Element> out = new ArrayList<>();
        NodeList parameters = mojo.getElementsByTagName("parameter");
        for (int i = 0; i < parameters.getLength(); i++) {
            Element parameter = (Element) parameters.item(i);
            if (Boolean.parseBoolean(text(parameter, "editable"))) {
                out.add(parameter);
            }
        }
        return out;
    }

    /** The configuration element of a parameter: it carries the default value and the user property. */
    private static Element configuration(String name) {
        Element configuration = (Element) mojo.getElementsByTagName("configuration").item(0);
        return (Element) configuration.getElementsByTagName(name).item(0);
    }

    /** The section of docs/plugin.md about one parameter, from its heading to the next. */
    private static String section(String name) {
        String heading = "### `" + name + "`\n";
        int start = docs.indexOf(heading);
        assertThat(start).as("docs/plugin.md has a section \"%s\"", heading.trim()).isNotNegative();
        int end = docs.indexOf("\n## ", start + 1);
        int next = docs.indexOf("\n### ", start + 1);
        return docs.substring(start, next < 0 || (end >= 0 && end < next) ? end : next);
    }

    @Test
    void theGoalAndEveryParameterAreDescribed() {
        assertThat(text(mojo, "goal")).isEqualTo("generate");
        assertThat(text(mojo, "description")).contains("client-runtime").contains("Smithy").hasSizeGreaterThan(300);
        assertThat(editableParameters()).extracting(p -> text(p, "name")).containsExactlyInAnyOrder(
                "modelFile", "modelFormat", "paginatorsFile", "waitersFile", "basePackage", "outputDirectory", "unionShapes",
                "includeOperations", "excludeOperations", "skip");
        for (Element parameter : editableParameters()) {
            String description = text(parameter, "description");
            assertThat(description).as(text(parameter, "name")).hasSizeGreaterThan(60)
                    .doesNotContain("{@").doesNotContain("<basePackage>").doesNotContain("${project.basedir/");
        }
    }

    @Test
    void docsDocumentEveryParameterWithItsTypeDefaultAndProperty() {
        for (Element parameter : editableParameters()) {
            String name = text(parameter, "name");
            String section = section(name);
            String type = text(parameter, "type");
            String simpleType = type.substring(type.lastIndexOf('.') + 1);
            assertThat(section).as(name + " type").contains("| Type | `" + simpleType);
            Element configuration = configuration(name);
            String defaultValue = configuration.getAttribute("default-value");
            if (!defaultValue.isEmpty()) {
                assertThat(section).as(name + " default").contains("| Default | `" + defaultValue + "` |");
            }
            String property = configuration.getTextContent().trim().replaceAll("^\\$\\{(.*)}$", "$1");
            assertThat(section).as(name + " user property").contains("| User property | `" + property + "`");
            assertThat(section).as(name + " example").contains("```xml\n<" + name + ">");
        }
    }
}
