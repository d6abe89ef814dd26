package io.sluice.cli.e2e;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;

/** The readable text of a received mail: subject and every text part, decoded (no quoted-printable line breaks). */
final class MailText {

    private MailText() {
    }

    static String of(MimeMessage message) {
        try {
            StringBuilder text = new StringBuilder("Subject: ").append(message.getSubject()).append('\n');
            append(message, text);
            return text.toString();
        } catch (MessagingException | IOException e) {
            return "(unreadable mail: " + e.getMessage() + ")";
        }
    }

    private static void append(Part part, StringBuilder text) throws MessagingException, IOException {
        Object content = part.getContent();
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                append(child, text);
            }
        } else if (content instanceof String string) {
            text.append(string).append('\n');
        }
    }
}
