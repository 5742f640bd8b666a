package dev.ddbstreams.runtime.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbstreams.runtime.exception.SdkClientException;
import dev.ddbstreams.runtime.testing.TestEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Profiles from ~/.aws built in a temporary home folder. */
class ProfileCredentialsProviderTest {

    @TempDir
    Path home;

    private void write(String relative, String content) throws IOException {
        Path file = home.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private ProfileCredentialsProvider provider(TestEnvironment environment) {
        return ProfileCredentialsProvider.builder().systemEnvironment(environment.build()).build();
    }

    @Test
    void defaultProfileOfTheCredentialsFile() throws IOException {
        write(".aws/credentials", """
                [default]
                aws_access_key_id = AKIDDEFAULT
                aws_secret_access_key = defaultsecret
                [dev]
                aws_access_key_id = AKIDDEV
                aws_secret_access_key = devsecret
                aws_session_token = devtoken
                """);

        assertThat(provider(TestEnvironment.home(home)).resolveCredentials())
                .isEqualTo(AwsCredentials.create("AKIDDEFAULT", "defaultsecret"));
    }

    @Test
    void awsProfileSelectsTheProfileAndItsSessionToken() throws IOException {
        write(".aws/credentials", "[dev]\naws_access_key_id = AKIDDEV\naws_secret_access_key = devsecret\n"
                + "aws_session_token = devtoken\n");

        assertThat(provider(TestEnvironment.home(home).variable("AWS_PROFILE", "dev")).resolveCredentials())
                .isEqualTo(AwsCredentials.create("AKIDDEV", "devsecret", "devtoken"));
    }

    @Test
    void builderProfileWinsOverTheEnvironment() throws IOException {
        write(".aws/credentials", "[a]\naws_access_key_id = AKIDA\naws_secret_access_key = s\n"
                + "[b]\naws_access_key_id = AKIDB\naws_secret_access_key = s\n");

        ProfileCredentialsProvider provider = ProfileCredentialsProvider.builder()
                .systemEnvironment(TestEnvironment.home(home).variable("AWS_PROFILE", "a").build())
                .profileName("b")
                .build();

        assertThat(provider.resolveCredentials().accessKeyId()).isEqualTo("AKIDB");
    }

    @Test
    void keysInAConfigFileProfileSection() throws IOException {
        write(".aws/config", "[profile cfg]\nregion = eu-west-1\naws_access_key_id = AKIDCFG\n"
                + "aws_secret_access_key = cfgsecret\n");

        assertThat(provider(TestEnvironment.home(home).variable("AWS_PROFILE", "cfg")).resolveCredentials())
                .isEqualTo(AwsCredentials.create("AKIDCFG", "cfgsecret"));
    }

    @Test
    void filesNamedByTheEnvironment() throws IOException {
        write("elsewhere/creds", "[default]\naws_access_key_id = AKIDELSEWHERE\naws_secret_access_key = s\n");

        assertThat(provider(TestEnvironment.home(home)
                .variable("AWS_SHARED_CREDENTIALS_FILE", home.resolve("elsewhere/creds").toString()))
                .resolveCredentials().accessKeyId()).isEqualTo("AKIDELSEWHERE");
    }

    @Test
    void missingProfileNamesTheFilesAndTheProfilesThere() throws IOException {
        write(".aws/credentials", "[dev]\naws_access_key_id = AKIDDEV\naws_secret_access_key = s\n");

        assertThatThrownBy(() -> provider(TestEnvironment.home(home).variable("AWS_PROFILE", "prod"))
                .resolveCredentials())
                .isInstanceOf(SdkClientException.class)
                .hasMessage("Profile \"prod\" not found in " + home.resolve(".aws/config") + " (not found) and "
                        + home.resolve(".aws/credentials") + "; the profiles there are [dev]");
    }

    @Test
    void halfAKeyIsReportedWithoutTheSecret() throws IOException {
        write(".aws/credentials", "[default]\naws_secret_access_key = TOPSECRET\n");

        assertThatThrownBy(() -> provider(TestEnvironment.home(home)).resolveCredentials())
                .hasMessageContaining("has aws_secret_access_key but no aws_access_key_id")
                .hasMessageNotContaining("TOPSECRET");
    }

    @Test
    void profilesThatAssumeARoleOrUseSsoPointToTheSdkAdapter() throws IOException {
        write(".aws/config", """
                [profile role]
                role_arn = arn:aws:iam::123456789012:role/r
                source_profile = default
                [profile sso]
                sso_session = corp
                sso_account_id = 123456789012
                """);

        assertThatThrownBy(() -> provider(TestEnvironment.home(home).variable("AWS_PROFILE", "role"))
                .resolveCredentials())
                .hasMessageContaining("a role to assume (role_arn)")
                .hasMessageContaining("IdentityProviderCredentialsProvider");
        assertThatThrownBy(() -> provider(TestEnvironment.home(home).variable("AWS_PROFILE", "sso"))
                .resolveCredentials())
                .hasMessageContaining("IAM Identity Center (sso_session)");
    }

    @Test
    void credentialsAreReadOnceAndKept() throws IOException {
        write(".aws/credentials", "[default]\naws_access_key_id = AKIDFIRST\naws_secret_access_key = s\n");
        ProfileCredentialsProvider provider = provider(TestEnvironment.home(home));
        provider.resolveCredentials();

        Files.delete(home.resolve(".aws/credentials"));

        assertThat(provider.resolveCredentials().accessKeyId()).isEqualTo("AKIDFIRST");
    }

    @Test
    void aFailureIsNotKeptSoAFixedFileIsPickedUp() throws IOException {
        ProfileCredentialsProvider provider = provider(TestEnvironment.home(home));
        assertThatThrownBy(provider::resolveCredentials).isInstanceOf(SdkClientException.class);

        write(".aws/credentials", "[default]\naws_access_key_id = AKIDLATER\naws_secret_access_key = s\n");

        assertThat(provider.resolveCredentials().accessKeyId()).isEqualTo("AKIDLATER");
    }
}
