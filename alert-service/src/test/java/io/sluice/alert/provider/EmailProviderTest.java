package io.sluice.alert.provider;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.sluice.api.events.Severity;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Arrays;
import java.util.Map;

import static io.sluice.alert.provider.Fixtures.SHA;
import static io.sluice.alert.provider.Fixtures.notification;
import static io.sluice.alert.provider.Fixtures.provider;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmailProviderTest {

    // port 0: GreenMail takes a free loopback port, so parallel builds never clash
    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
            .withPerMethodLifecycle(true);

    private String address() {
        return "smtp://127.0.0.1:" + MAIL.getSmtp().getPort();
    }

    @Test
    void sendsOneMultipartMessageToEveryRecipientWithAuth() throws Exception {
        MAIL.setUser("alerts@example.com", "sluice", "pa55");
        NotificationProvider email = NotificationProviders.create(
                provider("email", null, "ops@example.com, dev@example.com", "alerts@example.com", "5s"),
                new ProviderSecret(Map.of("address", address(), "username", "sluice", "password", "pa55")));
        assertThat(email).isInstanceOf(EmailProvider.class);

        email.send(notification(Severity.ERROR));

        assertThat(MAIL.waitForIncomingEmail(5_000, 2)).isTrue();
        MimeMessage[] received = MAIL.getReceivedMessages();
        assertThat(received).hasSize(2); // one copy per recipient mailbox, one SMTP transaction
        MimeMessage message = received[0];
        assertThat(message.getSubject()).isEqualTo("[error] Kustomization/flux-system/podinfo: health check failed (HealthCheckFailed) at main@sha1:0123456");
        assertThat(Arrays.stream(message.getRecipients(Message.RecipientType.TO)).map(Object::toString))
                .containsExactly("ops@example.com", "dev@example.com");
        assertThat(message.getFrom()[0].toString()).isEqualTo("alerts@example.com");
        MimeMultipart parts = (MimeMultipart) message.getContent();
        assertThat(parts.getContentType()).startsWith("multipart/alternative");
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
        assertThat(GreenMailUtil.getBody(parts.getBodyPart(0)))
                .contains("Deployment/apps/podinfo not ready", "revision: main@sha1:" + SHA, "commit: https://github.com/org/repo/commit/" + SHA);
        assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
        assertThat(GreenMailUtil.getBody(parts.getBodyPart(1)))
                .contains("<a href=\"https://github.com/org/repo/commit/", "Production cluster");
    }

    @Test
    void recipientsFromSecretWhenNoChannel() throws Exception {
        NotificationProviders.create(provider("email", address(), null, null, "5s"),
                new ProviderSecret(Map.of("from", "sluice@example.com", "to", "team@example.com"))).send(notification(Severity.INFO));
        assertThat(MAIL.waitForIncomingEmail(5_000, 1)).isTrue();
        MimeMessage message = MAIL.getReceivedMessages()[0];
        assertThat(message.getRecipients(Message.RecipientType.TO)[0].toString()).isEqualTo("team@example.com");
        assertThat(message.getSubject()).startsWith("[info] Kustomization/flux-system/podinfo: applied (ReconciliationSucceeded)");
    }

    @Test
    void wrongPasswordIsNotRetried() throws Exception {
        MAIL.setUser("alerts@example.com", "sluice", "pa55");
        NotificationProvider email = NotificationProviders.create(provider("email", address(), "ops@example.com", "alerts@example.com", "5s"),
                new ProviderSecret(Map.of("username", "sluice", "password", "wrong-pw")));
        assertThatThrownBy(() -> email.send(notification(Severity.INFO)))
                .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.retryable()).isFalse())
                .hasMessageContaining("username and password")
                .hasMessageNotContaining("wrong-pw");
    }

    @Test
    void requiredStartTlsIsNotSkippedWhenTheServerLacksIt() throws Exception {
        NotificationProvider email = NotificationProviders.create(
                provider("email", "smtp+starttls://127.0.0.1:" + MAIL.getSmtp().getPort(), "ops@example.com", "alerts@example.com", "5s"),
                new ProviderSecret(Map.of("username", "sluice", "password", "pa55")));
        assertThatThrownBy(() -> email.send(notification(Severity.INFO)))
                .isInstanceOf(DeliveryException.class)
                .hasMessageContaining("STARTTLS")
                .hasMessageNotContaining("pa55");
        assertThat(MAIL.getReceivedMessages()).isEmpty();
    }

    @Test
    void unreachableServerIsRetryable() throws Exception {
        int port = MAIL.getSmtp().getPort();
        MAIL.stop();
        NotificationProvider email = NotificationProviders.create(
                provider("email", "smtp://127.0.0.1:" + port, "ops@example.com", "alerts@example.com", "2s"), ProviderSecret.NONE);
        assertThatThrownBy(() -> email.send(notification(Severity.INFO)))
                .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.retryable()).isTrue());
    }

    @Test
    void badConfigurationNamesTheField() {
        assertThatThrownBy(() -> NotificationProviders.create(provider("email", null, "a@example.com", "b@example.com", null), ProviderSecret.NONE))
                .hasMessageContaining("no SMTP server");
        assertThatThrownBy(() -> NotificationProviders.create(provider("email", "https://mail", "a@example.com", "b@example.com", null), ProviderSecret.NONE))
                .hasMessageContaining("smtp://host:port");
        assertThatThrownBy(() -> NotificationProviders.create(provider("email", address(), null, "b@example.com", null), ProviderSecret.NONE))
                .hasMessageContaining("no recipients");
        assertThatThrownBy(() -> NotificationProviders.create(provider("email", address(), "a@example.com", null, null), ProviderSecret.NONE))
                .hasMessageContaining("no sender");
        assertThatThrownBy(() -> NotificationProviders.create(provider("email", address(), "not an address@@", "b@example.com", null), ProviderSecret.NONE))
                .hasMessageContaining("bad email address");
    }
}
