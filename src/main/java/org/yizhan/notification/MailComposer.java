package org.yizhan.notification;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Writes a notification as an e-mail in Chinese: a plain-text part for any mail reader
 * and an HTML part rendered from {@code templates/notification/mail/notification.html},
 * both in UTF-8, the subject and names encoded as RFC 2047 words so Chinese survives
 * every hop. Console links become absolute addresses under {@link #consoleUrl the
 * console's address}.
 */
@Component
class MailComposer {

	static final Locale LANGUAGE = Locale.SIMPLIFIED_CHINESE;

	static final String LOCAL_CONSOLE = "http://localhost:8080";

	private final ITemplateEngine templates;

	private final MessageSource messages;

	private final String consoleUrl;

	private final InternetAddress from;

	MailComposer(ITemplateEngine templates, MessageSource messages,
			@Value("${yizhan.notifications.console-url:}") String consoleUrl,
			@Value("${yizhan.public-base-url:}") String publicBaseUrl,
			@Value("${yizhan.notifications.mail.from:驿站 <yizhan@localhost>}") String from) {
		this.templates = templates;
		this.messages = messages;
		this.consoleUrl = consoleUrl(consoleUrl, publicBaseUrl);
		this.from = sender(from);
	}

	/**
	 * Where the console is: {@code yizhan.notifications.console-url} when set (the
	 * console may live on a host of its own), else the platform's public address
	 * {@code yizhan.public-base-url}, which serves the console too unless someone said
	 * otherwise, else a local server's; without a trailing slash.
	 */
	static String consoleUrl(String configured, String publicBaseUrl) {
		String url = !isBlank(configured) ? configured.strip()
				: !isBlank(publicBaseUrl) ? publicBaseUrl.strip() : LOCAL_CONSOLE;
		while (url.endsWith("/")) {
			url = url.substring(0, url.length() - 1);
		}
		return url;
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

	/** A line as the mail shows it: its text and, when it has one, its absolute link. */
	record MailLine(String text, String href) {
	}

	/** A section as the mail shows it. */
	record MailSection(String heading, List<MailLine> lines) {
	}

	void write(MimeMessage message, NotificationStore.PendingMail mail, String toAddress, String toName)
			throws MessagingException {
		MimeMessageHelper helper = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED,
				StandardCharsets.UTF_8.name());
		helper.setFrom(this.from);
		helper.setTo(address(toAddress, toName));
		helper.setSubject(mail.subject());
		helper.setText(plainText(mail), html(mail));
	}

	String plainText(NotificationStore.PendingMail mail) {
		StringBuilder text = new StringBuilder(mail.subject()).append("\n");
		for (MailSection section : sections(mail)) {
			text.append("\n").append(section.heading()).append("\n");
			for (MailLine line : section.lines()) {
				text.append("  · ").append(line.text());
				if (line.href() != null) {
					text.append("\n    ").append(line.href());
				}
				text.append("\n");
			}
		}
		text.append("\n")
			.append(message("notification.mail.open"))
			.append(": ")
			.append(openUrl(mail))
			.append("\n\n-- \n")
			.append(message("notification.mail.footer"))
			.append("\n");
		return text.toString();
	}

	String html(NotificationStore.PendingMail mail) {
		Context context = new Context(LANGUAGE,
				Map.of("subject", mail.subject(), "sections", sections(mail), "openUrl", openUrl(mail)));
		return templates.process("notification/mail/notification", context);
	}

	private List<MailSection> sections(NotificationStore.PendingMail mail) {
		List<MailSection> sections = new ArrayList<>();
		for (NoticeSection section : mail.sections()) {
			sections.add(new MailSection(section.heading(),
					section.lines()
						.stream()
						.map(line -> new MailLine(line.text(), line.link() == null ? null : absolute(line.link())))
						.toList()));
		}
		return sections;
	}

	private String openUrl(NotificationStore.PendingMail mail) {
		return absolute("/console/notifications/" + mail.notificationId());
	}

	private String absolute(String consolePath) {
		return this.consoleUrl + consolePath;
	}

	private String message(String code) {
		return messages.getMessage(code, null, LANGUAGE);
	}

	private static InternetAddress address(String address, String name) throws MessagingException {
		try {
			return new InternetAddress(address, name, StandardCharsets.UTF_8.name());
		}
		catch (UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The configured sender, its display name (often Chinese) encoded like the rest. */
	private static InternetAddress sender(String from) {
		try {
			InternetAddress parsed = new InternetAddress(from, true);
			return address(parsed.getAddress(), parsed.getPersonal());
		}
		catch (MessagingException ex) {
			throw new IllegalStateException("yizhan.notifications.mail.from is not an e-mail address: " + from, ex);
		}
	}

}
