package io.sluice.alert.provider;

import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Optional;
import java.util.Properties;

/**
 * Email over SMTP with Jakarta Mail (Angus), one message per notification with a plain-text and an
 * HTML alternative.
 *
 * <ul>
 *   <li>server: the address (Secret {@code address}, else {@code spec.address}):
 *       {@code smtp://host:port} (STARTTLS when the server offers it, default port 25),
 *       {@code smtp+starttls://host:port} (STARTTLS required, default 587) or
 *       {@code smtps://host:port} (TLS from the first byte, default 465);</li>
 *   <li>auth: the Secret's {@code username} and {@code password}, when present;</li>
 *   <li>sender: the Secret's {@code from}, else {@code spec.username};</li>
 *   <li>recipients: {@code spec.channel}, else the Secret's {@code to}; comma-separated addresses.</li>
 * </ul>
 */
public final class EmailProvider implements NotificationProvider {

    private final ProviderSettings settings;
    private final Session session;
    private final InternetAddress from;
    private final InternetAddress[] to;

    EmailProvider(ProviderSettings settings) throws DeliveryException {
        this.settings = settings;
        this.session = session(settings);
        String sender = settings.secret().get("from").orElse(settings.username());
        if (sender == null) {
            throw DeliveryException.permanent(settings.provider() + ": no sender; set spec.username or the key 'from' in spec.secretRef to an email address");
        }
        String recipients = Optional.ofNullable(settings.channel()).or(() -> settings.secret().get("to")).orElse(null);
        if (recipients == null) {
            throw DeliveryException.permanent(settings.provider() + ": no recipients; set spec.channel (or the Secret's 'to') to comma-separated addresses");
        }
        try {
            this.from = new InternetAddress(sender, true);
            this.to = InternetAddress.parse(recipients, true);
        } catch (AddressException e) {
            throw DeliveryException.permanent(settings.provider() + ": bad email address '" + e.getRef() + "' in spec.username/spec.channel or the Secret's from/to: " + e.getMessage());
        }
    }

    @Override
    public String type() {
        return "email";
    }

    @Override
    public void send(Notification notification) throws DeliveryException {
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(from);
            message.setRecipients(Message.RecipientType.TO, to);
            message.setSubject(MessageFormat.title(notification), StandardCharsets.UTF_8.name());
            message.setSentDate(Date.from(notification.timestamp()));
            MimeMultipart alternative = new MimeMultipart("alternative");
            MimeBodyPart text = new MimeBodyPart();
            text.setText(MessageFormat.text(notification), StandardCharsets.UTF_8.name(), "plain");
            MimeBodyPart html = new MimeBodyPart();
            html.setText(MessageFormat.html(notification), StandardCharsets.UTF_8.name(), "html");
            // least preferred first, as RFC 2046 asks
            alternative.addBodyPart(text);
            alternative.addBodyPart(html);
            message.setContent(alternative);
            Transport.send(message);
        } catch (SendFailedException e) {
            // the server refused sender or recipients: retrying the same message will not help
            throw new DeliveryException(settings.provider() + ": the SMTP server refused the message: " + e.getMessage()
                    + "; check spec.channel and the sender", false, 0, e);
        } catch (MessagingException e) {
            boolean auth = e instanceof jakarta.mail.AuthenticationFailedException;
            throw new DeliveryException(settings.provider() + ": sending mail failed: " + e.getMessage()
                    + (auth ? "; check the Secret's username and password" : ""), !auth, 0, e);
        }
    }

    private static Session session(ProviderSettings settings) throws DeliveryException {
        if (settings.address() == null) {
            throw DeliveryException.permanent(settings.provider() + ": no SMTP server; set spec.address or the Secret's 'address' to smtp://host:port");
        }
        URI uri;
        try {
            uri = new URI(settings.address());
        } catch (URISyntaxException e) {
            throw DeliveryException.permanent(settings.provider() + ": the address is not a URL; use smtp://host:port, smtp+starttls://host:port or smtps://host:port");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme();
        if (uri.getHost() == null || !scheme.matches("smtp|smtps|smtp\\+starttls")) {
            throw DeliveryException.permanent(settings.provider() + ": the address must be smtp://host:port, smtp+starttls://host:port or smtps://host:port");
        }
        boolean implicitTls = "smtps".equals(scheme);
        boolean requireStartTls = "smtp+starttls".equals(scheme);
        int port = uri.getPort() > 0 ? uri.getPort() : implicitTls ? 465 : requireStartTls ? 587 : 25;
        String protocol = implicitTls ? "smtps" : "smtp";
        long timeoutMs = settings.timeout().toMillis();
        Properties props = new Properties();
        props.put("mail.transport.protocol", protocol);
        props.put("mail." + protocol + ".host", uri.getHost());
        props.put("mail." + protocol + ".port", String.valueOf(port));
        props.put("mail." + protocol + ".connectiontimeout", String.valueOf(timeoutMs));
        props.put("mail." + protocol + ".timeout", String.valueOf(timeoutMs));
        props.put("mail." + protocol + ".writetimeout", String.valueOf(timeoutMs));
        if (implicitTls) {
            props.put("mail.smtps.ssl.checkserveridentity", "true");
        } else {
            props.put("mail.smtp.starttls.enable", "true");
            props.put("mail.smtp.starttls.required", String.valueOf(requireStartTls));
            props.put("mail.smtp.ssl.checkserveridentity", "true");
        }
        Optional<String> user = settings.secret().get("username");
        Optional<String> password = settings.secret().get("password");
        if (user.isPresent() && password.isPresent()) {
            props.put("mail." + protocol + ".auth", "true");
            PasswordAuthentication credentials = new PasswordAuthentication(user.get(), password.get());
            return Session.getInstance(props, new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return credentials;
                }
            });
        }
        return Session.getInstance(props);
    }
}
