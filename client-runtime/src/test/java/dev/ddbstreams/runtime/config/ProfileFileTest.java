package dev.ddbstreams.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbstreams.runtime.exception.SdkClientException;
import dev.ddbstreams.runtime.testing.TestEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shared files are parsed as the AWS SDKs parse them, and found where the AWS SDKs look. */
class ProfileFileTest {

    @TempDir
    Path home;

    private Path write(String relative, String content) throws IOException {
        Path file = home.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        return file;
    }

    private ProfileFile load() {
        return ProfileFile.load(TestEnvironment.home(home).build());
    }

    private static Map<String, Map<String, String>> config(String content) {
        return ProfileFileParser.parse(content, ProfileFileParser.Kind.CONFIG, "config");
    }

    private static Map<String, Map<String, String>> credentials(String content) {
        return ProfileFileParser.parse(content, ProfileFileParser.Kind.CREDENTIALS, "credentials");
    }

    @Test
    void configFileSectionsAreDefaultAndProfilePrefixed() {
        Map<String, Map<String, String>> profiles = config("""
                [default]
                region = us-east-1
                [profile dev]
                region=eu-west-1
                [profile   spaced]
                region = ap-south-1
                [prod]
                region = never-read
                [sso-session corp]
                sso_region = us-east-1
                [services local]
                dynamodb =
                  endpoint_url = http://localhost:8000
                """);

        assertThat(profiles).containsOnlyKeys("default", "dev", "spaced");
        assertThat(profiles.get("dev")).containsExactly(Map.entry("region", "eu-west-1"));
        assertThat(profiles.get("spaced")).containsEntry("region", "ap-south-1");
    }

    @Test
    void profileDefaultWinsOverPlainDefaultInTheConfigFile() {
        Map<String, Map<String, String>> profiles = config("""
                [profile default]
                region = from-profile-default
                [default]
                region = from-plain-default
                """);

        assertThat(profiles.get("default")).containsEntry("region", "from-profile-default");
    }

    @Test
    void credentialsFileSectionsAreBareNames() {
        Map<String, Map<String, String>> profiles = credentials("""
                [default]
                aws_access_key_id = AKIDDEFAULT
                [dev]
                aws_access_key_id = AKIDDEV
                [profile prod]
                aws_access_key_id = never-read
                """);

        assertThat(profiles).containsOnlyKeys("default", "dev");
    }

    @Test
    void commentsBlankLinesAndTrailingCommentsAreIgnored() {
        Map<String, Map<String, String>> profiles = config("""
                # a comment
                ; another

                [default] # trailing comment on a header
                region = us-west-2 ; trailing comment
                output = json#not-a-comment
                """);

        assertThat(profiles.get("default"))
                .containsEntry("region", "us-west-2")
                .containsEntry("output", "json#not-a-comment");
    }

    @Test
    void indentedLinesContinueTheProperty() {
        Map<String, Map<String, String>> profiles = config("""
                [default]
                s3 =
                  max_concurrent_requests = 10
                  addressing_style = path
                region = us-east-1
                """);

        assertThat(profiles.get("default"))
                .containsEntry("s3", "\nmax_concurrent_requests = 10\naddressing_style = path")
                .containsEntry("region", "us-east-1");
    }

    @Test
    void repeatedSectionsMergeAndLaterValuesWin() {
        Map<String, Map<String, String>> profiles = credentials("""
                [dev]
                a = 1
                b = 1
                [other]
                [dev]
                b = 2
                """);

        assertThat(profiles.get("dev")).containsEntry("a", "1").containsEntry("b", "2");
    }

    @Test
    void propertiesBeforeAnySectionAreIgnored() {
        assertThat(config("region = us-east-1\n[default]\noutput = json\n").get("default"))
                .containsOnlyKeys("output");
    }

    @Test
    void malformedLinesAreErrorsNamingFileAndLine() {
        assertThatThrownBy(() -> config("[default]\nregion us-east-1\n"))
                .isInstanceOf(SdkClientException.class)
                .hasMessage("Invalid AWS config file config, line 2: expected a [section] or a 'name = value' "
                        + "property");
        assertThatThrownBy(() -> credentials("[default\n"))
                .hasMessageContaining("credentials file credentials, line 1")
                .hasMessageContaining("must end with ']'");
        assertThatThrownBy(() -> config("[default]\n= value\n")).hasMessageContaining("no name");
        assertThatThrownBy(() -> config("[default]\n  indented first\n")).hasMessageContaining("line 2");
    }

    @Test
    void credentialsFileWinsOverConfigFileForTheSameProfile() throws IOException {
        write(".aws/config", "[profile dev]\nregion = eu-west-1\naws_access_key_id = FROMCONFIG\n");
        write(".aws/credentials", "[dev]\naws_access_key_id = FROMCREDENTIALS\n");

        Profile dev = load().profile("dev").orElseThrow();

        assertThat(dev.property("region")).contains("eu-west-1");
        assertThat(dev.property("aws_access_key_id")).contains("FROMCREDENTIALS");
    }

    @Test
    void missingFilesGiveNoProfilesAndSaySo() {
        ProfileFile files = load();

        assertThat(files.profileNames()).isEmpty();
        assertThat(files.describe()).isEqualTo(home.resolve(".aws/config") + " (not found) and "
                + home.resolve(".aws/credentials") + " (not found)");
    }

    @Test
    void fileLocationsComeFromTheEnvironmentWithTildeExpanded() throws IOException {
        write("custom/my-config", "[profile x]\nregion = sa-east-1\n");
        write("custom/my-credentials", "[y]\naws_access_key_id = AKID\n");

        ProfileFile files = ProfileFile.load(TestEnvironment.home(home)
                .variable("AWS_CONFIG_FILE", "~/custom/my-config")
                .variable("AWS_SHARED_CREDENTIALS_FILE", home.resolve("custom/my-credentials").toString())
                .build());

        assertThat(files.profileNames()).containsExactlyInAnyOrder("x", "y");
        assertThat(files.configFile()).isEqualTo(home.resolve("custom/my-config"));
    }

    @Test
    void systemPropertiesWinForFileLocations() throws IOException {
        write("a/config", "[profile from-property]\n");
        write("b/config", "[profile from-variable]\n");

        ProfileFile files = ProfileFile.load(TestEnvironment.home(home)
                .property("aws.configFile", home.resolve("a/config").toString())
                .variable("AWS_CONFIG_FILE", home.resolve("b/config").toString())
                .build());

        assertThat(files.profileNames()).containsExactly("from-property");
    }

    @Test
    void profileNameComesFromPropertyThenVariableThenDefault() {
        assertThat(ProfileFile.defaultProfileName(TestEnvironment.home(home).build())).isEqualTo("default");
        assertThat(ProfileFile.defaultProfileName(TestEnvironment.home(home).variable("AWS_PROFILE", "env")
                .build())).isEqualTo("env");
        assertThat(ProfileFile.defaultProfileName(TestEnvironment.home(home).variable("AWS_PROFILE", "env")
                .property("aws.profile", "prop").build())).isEqualTo("prop");
    }

    @Test
    void typedPropertiesParseOrNameTheProfile() throws IOException {
        write(".aws/config", "[default]\nuse_fips_endpoint = TRUE\nmax_attempts = 5\nbad = maybe\n");

        Profile profile = load().profile("default").orElseThrow();

        assertThat(profile.booleanProperty("use_fips_endpoint")).contains(true);
        assertThat(profile.intProperty("max_attempts")).contains(5);
        assertThat(profile.booleanProperty("absent")).isEmpty();
        assertThatThrownBy(() -> profile.booleanProperty("bad"))
                .isInstanceOf(SdkClientException.class)
                .hasMessage("The property bad of the profile \"default\" must be true or false: maybe");
    }

    @Test
    void profileToStringShowsNamesNotValues() throws IOException {
        write(".aws/credentials", "[default]\naws_secret_access_key = TOPSECRET\n");

        assertThat(load().profile("default").orElseThrow().toString())
                .contains("aws_secret_access_key")
                .doesNotContain("TOPSECRET");
    }
}
